package dev.parley.sip.message;

/** How the serializer writes the names of known headers (RFC 3261 §7.3.3). */
public enum HeaderForm {
    /** {@code Via}, {@code Call-ID}...: the default. */
    LONG,
    /** {@code v}, {@code i}... for headers that have a compact form, long names for the rest. */
    COMPACT
}
