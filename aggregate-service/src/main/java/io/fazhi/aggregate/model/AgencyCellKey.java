package io.fazhi.aggregate.model;

import java.util.Comparator;

/** A rollup cell of one reporting agency: what that bureau, district government or zone reported in the cell. */
public record AgencyCellKey(CellKey cell, String agency) implements Comparable<AgencyCellKey> {
    private static final Comparator<AgencyCellKey> ORDER =
            Comparator.comparing(AgencyCellKey::cell).thenComparing(AgencyCellKey::agency);

    @Override
    public int compareTo(AgencyCellKey o) {
        return ORDER.compare(this, o);
    }
}
