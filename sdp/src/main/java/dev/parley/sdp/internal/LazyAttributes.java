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
     * Where the first attribute value (the text after {@code a=}) starts in {@code b}. Each value
     * ends with its line, at the LF or the CR before it (the parser accepted no other CR in a
     * line); the next one is in the next line that starts with {@code a=}.
     */
    private final int first;
    private final int size;
    private List<Attribute> typed;

    /** The {@code size} attributes from the value at {@code b[first]} on. */
    LazyAttributes(byte[] b, int first, int size) {
        this.b = b;
        this.first = first;
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

    /** The offset of the LF that ends the line holding {@code s}, or the end of the bytes. */
    private int lineFeed(int s) {
        int e = s;
        while (e < b.length && b[e] != '\n') {
            e++;
        }
        return e;
    }

    /**
     * The value of the next {@code a=} line after the LF at {@code lf}. The parser counted the
     * attributes, so there is one; lines of other types (b=, k=, unknown) and empty lines between
     * them are passed over.
     */
    private int nextValue(int lf) {
        int s = lf + 1;
        while (s + 1 < b.length && (b[s] != 'a' || b[s + 1] != '=')) {
            s = lineFeed(s) + 1;
        }
        return s + 2;
    }

    private List<Attribute> typed() {
        List<Attribute> t = typed;
        if (t == null) {
            Fields fields = new Fields(MAX_FIELDS);
            Attribute[] a = new Attribute[size];
            int s = first;
            for (int i = 0; i < a.length; i++) {
                int lf = lineFeed(s);
                int e = lf > s && b[lf - 1] == '\r' ? lf - 1 : lf;
                // Never null: the parser rejected every a= line with an empty name (AttributeLines.add).
                a[i] = AttributeParser.parse(b, s, e, fields);
                if (i + 1 < a.length) {
                    s = nextValue(lf);
                }
            }
            t = List.of(a);
            typed = t;
        }
        return t;
    }
}
