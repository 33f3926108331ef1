package dev.parley.sip.message.internal;

import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParseException.Reason;

/**
 * RFC 3261 §7.3.1: a header whose grammar is a comma-separated list may be split on commas that
 * are outside quoted strings and angle brackets. Elements are reported trimmed of LWS.
 */
public final class ListSplitter {

    private ListSplitter() {
    }

    /**
     * Splits {@code b[s,e)} and returns 2 ints per element (start, end) followed by nothing; the
     * array length is twice the element count. Empty elements are kept as empty ranges.
     */
    public static int[] split(byte[] b, int s, int e, int msgStart, int msgEnd) {
        int[] out = new int[8];
        int n = 0;
        int elem = s;
        boolean quoted = false;
        boolean angle = false;
        for (int p = s; p <= e; p++) {
            if (p < e) {
                byte x = b[p];
                if (quoted) {
                    if (x == '\\') {
                        p++;
                    } else if (x == '"') {
                        quoted = false;
                    }
                    continue;
                }
                if (x == '"') {
                    quoted = true;
                    continue;
                }
                if (x == '<') {
                    angle = true;
                } else if (x == '>') {
                    angle = false;
                }
                if (x != ',' || angle) {
                    continue;
                }
            } else if (quoted) {
                throw SipParseException.at(Reason.UNCLOSED_QUOTE, b, msgStart, msgEnd, elem);
            }
            int es = elem;
            int ee = Math.min(p, e);
            while (es < ee && Chars.isLws(b[es])) {
                es++;
            }
            while (ee > es && Chars.isLws(b[ee - 1])) {
                ee--;
            }
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = es;
            out[n++] = ee;
            elem = p + 1;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** End of the first element of the list in {@code b[s,e)} (the first top-level comma, or e). */
    public static int firstEnd(byte[] b, int s, int e) {
        boolean quoted = false;
        boolean angle = false;
        for (int p = s; p < e; p++) {
            byte x = b[p];
            if (quoted) {
                if (x == '\\') {
                    p++;
                } else if (x == '"') {
                    quoted = false;
                }
            } else if (x == '"') {
                quoted = true;
            } else if (x == '<') {
                angle = true;
            } else if (x == '>') {
                angle = false;
            } else if (x == ',' && !angle) {
                return p;
            }
        }
        return e;
    }
}
