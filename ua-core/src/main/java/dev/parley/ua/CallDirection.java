package dev.parley.ua;

/** Who sent the INVITE that created a call. */
public enum CallDirection {
    /** We called out: we are the UAC of the initial INVITE. */
    OUTGOING,
    /** They called us: we are the UAS of the initial INVITE. */
    INCOMING
}
