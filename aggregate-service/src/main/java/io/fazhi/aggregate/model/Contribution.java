package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/**
 * What one counted report adds to one rollup cell: its metrics of the cell's indicator and unit.
 *
 * @param agency who reported (the agency, or the report id when the text names none)
 * @param total the sum of the values, kept for every kind (the mean needs it)
 * @param nonAdditive how many of the values are of a unit kind that does not add up
 * @param lowerBounds how many of the values are lower bounds (余, 多, 超过 …)
 */
public record Contribution(
        CellKey cell,
        String reportId,
        String agency,
        int observations,
        BigDecimal total,
        int nonAdditive,
        int lowerBounds,
        BigDecimal min,
        BigDecimal max) {

    public AgencyCellKey agencyCell() {
        return new AgencyCellKey(cell, agency);
    }
}
