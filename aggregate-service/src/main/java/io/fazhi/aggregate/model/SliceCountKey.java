package io.fazhi.aggregate.model;

import java.util.Comparator;

/** An agency or a district counted in a (city, year) slice: the key of a distinct-count reference count. */
public record SliceCountKey(SliceKey slice, String name) implements Comparable<SliceCountKey> {
    private static final Comparator<SliceCountKey> ORDER =
            Comparator.comparing(SliceCountKey::slice).thenComparing(SliceCountKey::name);

    @Override
    public int compareTo(SliceCountKey o) {
        return ORDER.compare(this, o);
    }
}
