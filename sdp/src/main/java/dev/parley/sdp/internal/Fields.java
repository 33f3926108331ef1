package dev.parley.sdp.internal;

/**
 * Splits a line value into fields separated by runs of blanks, recording their bounds in
 * reusable arrays so that splitting allocates nothing.
 */
final class Fields {
    int[] start = new int[8];
    int[] end = new int[8];
    int count;
    private final int maxCapacity;

    /** @param maxCapacity the most fields any split may record; the arrays grow to it on demand */
    Fields(int maxCapacity) {
        this.maxCapacity = maxCapacity;
    }

    /**
     * Splits {@code b[s..e)}. Returns the number of fields, or -1 if there are more than
     * {@code max} (or more than the capacity).
     */
    int split(byte[] b, int s, int e, int max) {
        int limit = Math.min(max, maxCapacity);
        count = 0;
        int i = s;
        while (true) {
            // Lenient: RFC 8866 separates fields by one space; runs of spaces or tabs are accepted.
            while (i < e && Ascii.isSpace(b[i])) {
                i++;
            }
            if (i >= e) {
                return count;
            }
            if (count == limit) {
                count = -1;
                return -1;
            }
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, Math.min(count * 2, maxCapacity));
                end = java.util.Arrays.copyOf(end, start.length);
            }
            start[count] = i;
            while (i < e && !Ascii.isSpace(b[i])) {
                i++;
            }
            end[count++] = i;
        }
    }

    String text(byte[] b, int i) {
        return Ascii.text(b, start[i], end[i]);
    }

    long number(byte[] b, int i, int maxDigits) {
        return Ascii.number(b, start[i], end[i], maxDigits);
    }

    /** Fields {@code from..count-1} joined by single spaces. */
    String join(byte[] b, int from) {
        if (from >= count) {
            return "";
        }
        if (from == count - 1) {
            return text(b, from);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < count; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(text(b, i));
        }
        return sb.toString();
    }
}
