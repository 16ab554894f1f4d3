package io.fazhi.aggregate.api;

import java.math.BigDecimal;

/**
 * One rollup cell.
 *
 * @param district   null for the whole city
 * @param metricKey  canonical key, null when the cell is per label
 * @param sum        null for rates and durations, which do not add up
 * @param lowerBound some contribution is a lower bound (余, 多, 超过 …)
 */
public record RollupView(
        String city,
        int year,
        String district,
        String category,
        String metricKey,
        String label,
        String unit,
        int observations,
        int reports,
        int agencies,
        BigDecimal sum,
        BigDecimal min,
        BigDecimal max,
        BigDecimal mean,
        boolean lowerBound) {}
