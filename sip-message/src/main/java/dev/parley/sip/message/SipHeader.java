package dev.parley.sip.message;

/**
 * One header field as received: its name exactly as written (compact or long, any case) and its
 * value with surrounding whitespace removed and folds replaced by a single space (§7.3.1).
 */
public record SipHeader(String name, String value) {

    /** The long form of the name for a known header (so {@code v} and {@code VIA} give {@code Via}). */
    public String canonicalName() {
        return HeaderNames.canonical(name);
    }
}
