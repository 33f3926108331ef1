package dev.parley.sdp.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A list under construction that allocates nothing until its first element and hands out an
 * immutable {@link List} (so the records' {@code List.copyOf} does not copy it again).
 */
final class Items<T> {
    /** The first element, kept inline: most lists in a description have one (one t=, one m=). */
    private Object first;
    private Object[] items;
    private int size;

    /** {@code items}, or a new empty one when it is null: rare lines get a list only when they occur. */
    static <T> Items<T> orNew(Items<T> items) {
        return items != null ? items : new Items<>();
    }

    /** The list of {@code items}, empty when null. */
    static <T> List<T> list(Items<T> items) {
        return items == null ? List.of() : items.toList();
    }

    void add(T item) {
        if (size == 0) {
            first = item;
            size = 1;
            return;
        }
        if (items == null) {
            items = new Object[4];
            items[0] = first;
        } else if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    List<T> toList() {
        if (size <= 1) {
            return size == 0 ? List.of() : List.of((T) first);
        }
        return exactList(items, size);
    }

    /**
     * An immutable list of {@code a[0..n)}. Up to ten elements it uses the fixed-arity
     * {@code List.of} overloads, which keep the array the call builds instead of copying it again.
     */
    @SuppressWarnings("unchecked")
    static <T> List<T> exactList(Object[] a, int n) {
        switch (n) {
            case 0: return List.of();
            case 1: return List.of((T) a[0]);
            case 2: return List.of((T) a[0], (T) a[1]);
            case 3: return List.of((T) a[0], (T) a[1], (T) a[2]);
            case 4: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3]);
            case 5: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3], (T) a[4]);
            case 6: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3], (T) a[4], (T) a[5]);
            case 7: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3], (T) a[4], (T) a[5], (T) a[6]);
            case 8: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3], (T) a[4], (T) a[5], (T) a[6], (T) a[7]);
            case 9: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3], (T) a[4], (T) a[5], (T) a[6], (T) a[7],
                    (T) a[8]);
            case 10: return List.of((T) a[0], (T) a[1], (T) a[2], (T) a[3], (T) a[4], (T) a[5], (T) a[6], (T) a[7],
                    (T) a[8], (T) a[9]);
            default: return (List<T>) List.of(n == a.length ? a : Arrays.copyOf(a, n));
        }
    }
}
