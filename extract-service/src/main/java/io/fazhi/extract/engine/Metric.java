package io.fazhi.extract.engine;

import java.math.BigDecimal;

/**
 * A quantity found in the text.
 *
 * @param approx null, "about" or "more_than"
 * @param offset offset of the surface in the normalised text
 */
public record Metric(
        BigDecimal value,
        String unit,
        String approx,
        String label,
        String metricKey,
        String surface,
        String sentence,
        int offset) {}
