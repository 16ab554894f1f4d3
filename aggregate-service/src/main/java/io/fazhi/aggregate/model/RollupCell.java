package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/**
 * One rollup cell as read.
 *
 * @param district null for the whole city
 * @param indicatorName the indicator's Chinese name ({@code io.fazhi.contracts.Indicators})
 * @param sum null when some value is of a kind that does not add up (rates, durations)
 * @param mean the mean per value
 * @param lowerBound some value is a lower bound (余, 多, 超过 …), so the sum is one too
 */
public record RollupCell(
        String city,
        int year,
        String district,
        String indicator,
        String indicatorName,
        String unit,
        int observations,
        int reports,
        int agencies,
        BigDecimal sum,
        BigDecimal min,
        BigDecimal max,
        BigDecimal mean,
        boolean lowerBound) {}
