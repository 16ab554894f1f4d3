package io.fazhi.aggregate.model;

import java.util.Comparator;

/**
 * A rollup cell: city x year x district x indicator x rollup unit.
 *
 * @param district {@link #WHOLE_CITY} for the whole city (its own bureaus and every district, county and zone),
 *     else one district, county or zone
 * @param unit the rollup unit: units that mean the same within an indicator share one (场 and 场次 as 场次)
 */
public record CellKey(String city, int year, String district, String indicator, String unit)
        implements Comparable<CellKey> {
    /** The district of a whole-city cell. */
    public static final String WHOLE_CITY = "";

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::city)
            .thenComparingInt(CellKey::year)
            .thenComparing(CellKey::indicator)
            .thenComparing(CellKey::unit)
            .thenComparing(CellKey::district);

    /** The order in which transactions lock cells, so that two of them never wait for each other in a cycle. */
    @Override
    public int compareTo(CellKey o) {
        return ORDER.compare(this, o);
    }
}
