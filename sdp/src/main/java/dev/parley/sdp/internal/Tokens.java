package dev.parley.sdp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The blank-separated tokens of a line value, read one at a time without an array: a token is a
 * {@code long} holding its start in the high half and its end in the low half, or {@link #NONE}.
 * The fixed-shape lines ({@code o=}, {@code c=}, {@code t=}, {@code m=}) walk their fields with
 * it in one pass, so the eager parse keeps no per-line field table.
 */
final class Tokens {
    /** No token left: only blanks remain. */
    static final long NONE = -1;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long SPACES = ' ' * ONES;
    private static final long TABS = '\t' * ONES;

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
        return (long) i << 32 | blank(b, i + 1, e);
    }

    /** The offset of the first space or tab in {@code b[i..e)}, or {@code e}; eight bytes at a time. */
    private static int blank(byte[] b, int i, int e) {
        while (i + 8 <= e) {
            long x = (long) WORDS.get(b, i);
            long spaces = x ^ SPACES; // a zero byte where x has a space
            long tabs = x ^ TABS;
            // The lowest byte flagged in each half is exact (a borrow only spreads upwards), and
            // little-endian order puts the first byte lowest.
            long found = ((spaces - ONES) & ~spaces | (tabs - ONES) & ~tabs) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < e && !Ascii.isSpace(b[i])) {
            i++;
        }
        return i;
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
