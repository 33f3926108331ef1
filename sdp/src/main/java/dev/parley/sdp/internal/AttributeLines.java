package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the {@code a=} lines of the section being read (the session, then each medium) and
 * hands them out as {@link LazyAttributes}. The first {@code a=} line copies the description's
 * bytes from there to the end, once, since the caller may reuse its buffer as soon as the parse
 * returns. A section's list holds where its first value starts and how many there are: the
 * others are found again when it is typed, so the parse records nothing per line.
 */
final class AttributeLines {
    private final byte[] input;
    private final int end;
    private byte[] copy;
    /** The offset in {@code input} of {@code copy[0]}. */
    private int base;
    /** Where the section's first value starts in {@code copy}; the others follow in later lines. */
    private int first;
    private int size;

    AttributeLines(byte[] input, int end) {
        this.input = input;
        this.end = end;
    }

    /**
     * Notes the value {@code input[v..e)} of an {@code a=} line. Returns false when the attribute
     * name is empty, which RFC 8866 §5.13 forbids ({@code att-field} is a token): {@code a=},
     * {@code a=  } or {@code a=:x}. A blank value has no colon, so the first byte and the last
     * tell it all: no scan of the line.
     */
    boolean add(int v, int e) {
        if (v == e || input[v] == ':' || Ascii.trimEnd(input, v, e) == v) {
            return false;
        }
        if (copy == null) {
            copy = Arrays.copyOfRange(input, v, end);
            base = v;
        }
        if (size++ == 0) {
            first = v - base;
        }
        return true;
    }

    /** The lines noted since the last call, as an immutable list; the next section starts afresh. */
    List<Attribute> take() {
        if (size == 0) {
            return List.of();
        }
        List<Attribute> list = new LazyAttributes(copy, first, size);
        size = 0;
        return list;
    }
}
