package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/**
 * What to add to a rollup cell (negative to take away). {@code min} and {@code max} are the extremes of what is
 * added, null when nothing is; an extreme that was taken away is recomputed separately.
 */
public record CellChange(
        CellKey cell,
        int observations,
        int reports,
        int agencies,
        BigDecimal total,
        int nonAdditive,
        int lowerBounds,
        BigDecimal min,
        BigDecimal max) {}
