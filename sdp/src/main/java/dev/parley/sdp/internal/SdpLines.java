package dev.parley.sdp.internal;

import dev.parley.sdp.SdpParseException;
import dev.parley.sdp.SdpParseException.Reason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The lines of a description, read forward once: each line's bounds and number, empty lines
 * skipped, the {@code <type>=<value>} shape checked (RFC 8866 §5). It also makes the typed error
 * for the line being read, so every error carries that line's number and an excerpt.
 */
final class SdpLines {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] b;
    private final int end;
    private int pos;
    /** The number of the current line, counting from 1 (empty lines count too). */
    private int number;
    /** The offset of the current line's type letter. */
    private int start;
    /** The offset after the current line's value, its CR LF or LF excluded. */
    private int valueEnd;

    SdpLines(byte[] b, int off, int end) {
        this.b = b;
        this.pos = off;
        this.start = off;
        this.end = end;
    }

    /** Moves to the next non-empty line; false when there is none. */
    boolean next() {
        while (pos < end) {
            int s = pos;
            int lf = firstControl(s);
            int e;
            boolean clean;
            if (lf < end && b[lf] == '\n') {
                e = lf;
                clean = true;
            } else if (lf + 1 < end && b[lf] == '\r' && b[lf + 1] == '\n') {
                e = lf++;
                clean = true;
            } else {
                // A tab, a NUL, a bare CR or the end of the bytes: read on byte by byte.
                int control = -1; // the first CR or NUL in the line
                while (lf < end) {
                    byte c = b[lf];
                    if (c == '\n') {
                        break;
                    }
                    if ((c == '\r' || c == 0) && control < 0) {
                        control = lf;
                    }
                    lf++;
                }
                // Lenient: RFC 8866 §5 says CRLF, but a bare LF also ends a line.
                e = lf > s && b[lf - 1] == '\r' ? lf - 1 : lf;
                clean = control < 0 || control >= e;
            }
            pos = lf + 1;
            start = s;
            number++;
            if (clean && Ascii.trimEnd(b, s, e) == s) {
                continue; // Lenient: an empty line carries nothing.
            }
            // RFC 8866 §5: <type>=<value>, the type one letter, no NUL or CR inside the line.
            if (e - s < 2 || b[s + 1] != '=' || !isLetter(b[s]) || !clean) {
                throw error(Reason.MALFORMED_LINE);
            }
            valueEnd = e;
            return true;
        }
        return false;
    }

    /**
     * The offset of the first control byte (below 0x10: LF, CR, tab, NUL…) from {@code i}, or
     * {@code end}. Printable text, most of a line, is skipped eight bytes at a time.
     */
    private int firstControl(int i) {
        while (i + 8 <= end) {
            long x = (long) WORDS.get(b, i);
            // A byte below 0x10 sets its top bit here; the lowest one set is exact (0x10 <= 128, and
            // a borrow only spreads upwards), and little-endian order puts the first byte lowest.
            long below = (x - 0x1010_1010_1010_1010L) & ~x & 0x8080_8080_8080_8080L;
            if (below != 0) {
                return i + (Long.numberOfTrailingZeros(below) >>> 3);
            }
            i += 8;
        }
        while (i < end && (b[i] & 0xF0) != 0) {
            i++;
        }
        return i;
    }

    /** The current line's type letter. */
    char type() {
        return (char) b[start];
    }

    /** The offset of the current line's value, just after {@code <type>=}. */
    int valueStart() {
        return start + 2;
    }

    int valueEnd() {
        return valueEnd;
    }

    /** The error for the current line (or the last line read, once the lines are exhausted). */
    SdpParseException error(Reason reason) {
        int e = start;
        while (e < end && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        return new SdpParseException(reason, number, start, Ascii.excerpt(b, start, e));
    }

    /** An error about the description as a whole, placed at the last line read. */
    SdpParseException missing(Reason reason, String what) {
        return new SdpParseException(reason, number, start, what);
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
