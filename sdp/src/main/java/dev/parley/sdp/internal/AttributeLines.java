package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the {@code a=} lines of the section being read (the session, then each medium) and
 * hands them out as {@link LazyAttributes}. The first {@code a=} line copies the description's
 * bytes from there to the end, once, since the caller may reuse its buffer as soon as the parse
 * returns. Each section's array of value offsets becomes its list's, without a copy.
 */
final class AttributeLines {
    private final byte[] input;
    private final int end;
    private byte[] copy;
    /** The offset in {@code input} of {@code copy[0]}. */
    private int base;
    /** Where each value starts in {@code copy}; it ends with its line. */
    private int[] starts;
    private int size;

    AttributeLines(byte[] input, int end) {
        this.input = input;
        this.end = end;
    }

    /**
     * Notes the value {@code input[v..e)} of an {@code a=} line. Returns false when the attribute
     * name is empty, which RFC 8866 §5.13 forbids ({@code att-field} is a token): {@code a=},
     * {@code a=  } or {@code a=:x}.
     */
    boolean add(int v, int e) {
        int colon = v;
        while (colon < e && input[colon] != ':') {
            colon++;
        }
        if (colon == v || (colon == e && Ascii.trimEnd(input, v, e) == v)) {
            return false;
        }
        if (copy == null) {
            copy = Arrays.copyOfRange(input, v, end);
            base = v;
        }
        if (starts == null) {
            starts = new int[16];
        } else if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
        }
        starts[size++] = v - base;
        return true;
    }

    /** The lines noted since the last call, as an immutable list; the next section starts afresh. */
    List<Attribute> take() {
        if (size == 0) {
            return List.of();
        }
        List<Attribute> list = new LazyAttributes(copy, starts, size);
        starts = null;
        size = 0;
        return list;
    }
}
