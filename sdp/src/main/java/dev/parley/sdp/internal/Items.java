package dev.parley.sdp.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A list under construction that allocates nothing until its first element and hands out an
 * immutable {@link List} (so the records' {@code List.copyOf} does not copy it again).
 */
final class Items<T> {
    private Object[] items;
    private int size;

    void add(T item) {
        if (items == null) {
            items = new Object[4];
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
        switch (size) {
            case 0:
                return List.of();
            case 1:
                return List.of((T) items[0]);
            case 2:
                return List.of((T) items[0], (T) items[1]);
            default:
                return (List<T>) List.of(size == items.length ? items : Arrays.copyOf(items, size));
        }
    }
}
