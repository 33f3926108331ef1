package dev.parley.ua.internal.dialog;

/** RFC 3261 §12: a dialog created by a provisional response is early; a 2xx confirms it. */
public enum DialogState {
    EARLY,
    CONFIRMED,
    TERMINATED
}
