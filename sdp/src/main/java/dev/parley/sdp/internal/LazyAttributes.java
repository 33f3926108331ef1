package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The {@code a=} lines of one section as read: the bounds of each value in a private copy of the
 * description's bytes, typed by {@link AttributeParser} on first use. The parser checks each
 * line's shape (so a bad line still fails the parse, at its line number) but builds no
 * {@link Attribute} until the list is read: a proxy or a UA that only looks at the media lines
 * does not pay for typing attributes it never reads.
 *
 * <p>Immutable. The typed list is made at most once per reader thread and published without a
 * lock, like {@code String.hashCode}: it is an immutable {@code List.of} of immutable records,
 * whose final fields make a racy publication safe (JLS §17.5), and every thread computes an equal list.
 */
public final class LazyAttributes extends AbstractList<Attribute> implements RandomAccess {
    /** The widest split any typed attribute needs: crypto and group (see {@link AttributeParser}). */
    private static final int MAX_FIELDS = 64;

    private final byte[] b;
    /**
     * Where each attribute value (the text after {@code a=}) starts in {@code b}; it ends with its
     * line, at the LF or the CR before it (the parser accepted no other CR in the line).
     */
    private final int[] starts;
    private final int size;
    private List<Attribute> typed;

    /** The attributes whose values start at the first {@code size} offsets of {@code starts}. */
    LazyAttributes(byte[] b, int[] starts, int size) {
        this.b = b;
        this.starts = starts;
        this.size = size;
    }

    /**
     * An immutable copy of {@code attributes}: the list itself when it is a {@code LazyAttributes}
     * (already immutable), otherwise {@link List#copyOf}. The records' constructors use it so a
     * parsed list is not typed just to be copied.
     */
    public static List<Attribute> copyOf(List<Attribute> attributes) {
        return attributes instanceof LazyAttributes ? attributes : List.copyOf(attributes);
    }

    @Override
    public Attribute get(int index) {
        return typed().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Attribute> iterator() {
        return typed().iterator();
    }

    @Override
    public Object[] toArray() {
        return typed().toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || typed().equals(o);
    }

    @Override
    public int hashCode() {
        return typed().hashCode();
    }

    /** The end of the value starting at {@code s}: the line's CR LF or LF, or the end of the bytes. */
    private int lineEnd(int s) {
        int e = s;
        while (e < b.length && b[e] != '\n') {
            e++;
        }
        return e > s && b[e - 1] == '\r' ? e - 1 : e;
    }

    private List<Attribute> typed() {
        List<Attribute> t = typed;
        if (t == null) {
            Fields fields = new Fields(MAX_FIELDS);
            Attribute[] a = new Attribute[size];
            for (int i = 0; i < a.length; i++) {
                // Never null: the parser rejected every a= line with an empty name (AttributeLines.add).
                int s = starts[i];
                a[i] = AttributeParser.parse(b, s, lineEnd(s), fields);
            }
            t = List.of(a);
            typed = t;
        }
        return t;
    }
}
