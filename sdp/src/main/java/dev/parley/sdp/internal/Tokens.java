package dev.parley.sdp.internal;

/**
 * The blank-separated tokens of a line value, read one at a time without an array: a token is a
 * {@code long} holding its start in the high half and its end in the low half, or {@link #NONE}.
 * The fixed-shape lines ({@code o=}, {@code c=}, {@code t=}, {@code m=}) walk their fields with
 * it in one pass, so the eager parse keeps no per-line field table.
 */
final class Tokens {
    /** No token left: only blanks remain. */
    static final long NONE = -1;

    private Tokens() {
    }

    /**
     * The first token of {@code b[i..e)}, or {@link #NONE}.
     * Lenient: RFC 8866 separates fields by one space; runs of spaces or tabs are accepted.
     */
    static long next(byte[] b, int i, int e) {
        while (i < e && Ascii.isSpace(b[i])) {
            i++;
        }
        if (i >= e) {
            return NONE;
        }
        int s = i;
        while (i < e && !Ascii.isSpace(b[i])) {
            i++;
        }
        return (long) s << 32 | i;
    }

    /** The token after {@code t} in {@code b[..e)}, or {@link #NONE}; none after {@link #NONE} either. */
    static long after(long t, byte[] b, int e) {
        return t == NONE ? NONE : next(b, end(t), e);
    }

    static int start(long t) {
        return (int) (t >>> 32);
    }

    static int end(long t) {
        return (int) t;
    }

    /** The token's text, common tokens and small numbers shared ({@link Ascii#text}). */
    static String text(byte[] b, long t) {
        return Ascii.text(b, start(t), end(t));
    }

    /** The token's decimal value, or -1 ({@link Ascii#number}). */
    static long number(byte[] b, long t, int maxDigits) {
        return Ascii.number(b, start(t), end(t), maxDigits);
    }
}
