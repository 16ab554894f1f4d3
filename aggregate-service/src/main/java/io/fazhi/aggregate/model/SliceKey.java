package io.fazhi.aggregate.model;

import java.util.Comparator;

/** A (city, year) slice: the unit of the summaries; '未知' / 0 when the city or year is unknown. */
public record SliceKey(String city, int year) implements Comparable<SliceKey> {
    /** The city of a report whose city is unknown. */
    public static final String UNKNOWN_CITY = "未知";
    /** The year of a report whose year is unknown. */
    public static final int UNKNOWN_YEAR = 0;

    private static final Comparator<SliceKey> ORDER =
            Comparator.comparing(SliceKey::city).thenComparingInt(SliceKey::year);

    @Override
    public int compareTo(SliceKey o) {
        return ORDER.compare(this, o);
    }
}
