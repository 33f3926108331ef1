package dev.parley.sdp.internal;

import java.nio.charset.StandardCharsets;

/** Byte-level helpers for the SDP parser: numbers, text and the common tokens shared instead of copied. */
final class Ascii {
    /**
     * Tokens that appear in almost every description (and the usual session names, and the hold
     * address {@code 0.0.0.0}); returning the constant avoids one allocation each.
     */
    private static final String[] COMMON = {
        "IN", "IP4", "IP6", "-", "audio", "video", "RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF",
        "UDP/TLS/RTP/SAVPF", "PCMU", "PCMA", "G722", "G729", "GSM", "iLBC", "opus", "telephone-event",
        "0-15", "0-16", "H261", "H263", "H264", "MPV", "VP8", " ", "0.0.0.0", "SIP Call", "Talk", "session",
    };
    /**
     * COMMON in a 128-slot table indexed by {@link #slot}, which gives each of them a slot of its
     * own (AsciiTest checks it: a token that collided would silently not be shared).
     */
    private static final String[] SLOT_TEXT = new String[128];
    private static final byte[][] SLOT_BYTES = new byte[128][];
    private static final String[] SMALL_NUMBERS = new String[128];

    static {
        for (String c : COMMON) {
            byte[] bytes = c.getBytes(StandardCharsets.US_ASCII);
            int slot = slot(bytes, 0, bytes.length);
            if (SLOT_TEXT[slot] == null) {
                SLOT_TEXT[slot] = c;
                SLOT_BYTES[slot] = bytes;
            }
        }
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = Integer.toString(i).intern();
        }
    }

    private static int slot(byte[] b, int s, int e) {
        int n = e - s;
        return (n + b[s] + b[e - 1] * 3 + b[s + (n >> 1)] * 5) & 127;
    }

    private Ascii() {
    }

    /** The tokens {@link #text} shares. */
    static java.util.List<String> commonTokens() {
        return java.util.List.of(COMMON);
    }

    /**
     * The decimal value of {@code b[s..e)}, or -1 if it is empty, longer than {@code maxDigits}
     * (at most 18, so the value fits a long) or holds a non-digit.
     */
    static long number(byte[] b, int s, int e, int maxDigits) {
        int n = e - s;
        if (n <= 0 || n > maxDigits) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** {@code b[s..e)} as text (UTF-8), sharing the string for common tokens and small numbers. */
    static String text(byte[] b, int s, int e) {
        int n = e - s;
        if (n <= 0) {
            return "";
        }
        byte first = b[s];
        if (n <= 3 && first >= '0' && first <= '9') {
            long v = number(b, s, e, 3);
            if (v >= 0 && v < SMALL_NUMBERS.length && (n == 1 || first != '0')) {
                return SMALL_NUMBERS[(int) v];
            }
        }
        int slot = slot(b, s, e);
        byte[] c = SLOT_BYTES[slot];
        if (c != null && c.length == n && sameBytes(c, b, s)) {
            return SLOT_TEXT[slot];
        }
        return new String(b, s, n, StandardCharsets.UTF_8);
    }

    /** The text of {@code b[s..e)}, already read as the number {@code value} (0–127): shared unless written with leading zeros. */
    static String decimal(byte[] b, int s, int e, int value) {
        return e - s == 1 || b[s] != '0' ? SMALL_NUMBERS[value] : new String(b, s, e - s, StandardCharsets.US_ASCII);
    }

    /** True if {@code b[s..s+c.length)} equals {@code c}; a plain loop beats the vectorized mismatch on tokens this short. */
    private static boolean sameBytes(byte[] c, byte[] b, int s) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code b[s..e)} equals the ASCII {@code literal}. */
    static boolean equals(byte[] b, int s, int e, String literal) {
        if (e - s != literal.length()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (b[s + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** The index after the last non-blank byte of {@code b[s..e)}. */
    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && isSpace(b[e - 1])) {
            e--;
        }
        return e;
    }

    /** At most 40 bytes of the line, printable ASCII only, for error messages. */
    static String excerpt(byte[] b, int s, int e) {
        int n = Math.min(e - s, 40);
        StringBuilder sb = new StringBuilder(n);
        for (int i = s; i < s + n; i++) {
            char c = (char) (b[i] & 0xFF);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
