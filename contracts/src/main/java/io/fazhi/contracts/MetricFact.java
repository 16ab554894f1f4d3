package io.fazhi.contracts;

import java.math.BigDecimal;

/**
 * One quantity found in a report.
 *
 * @param value     the number with multipliers applied; money in 元
 * @param unit      measure word in simplified characters, "元" for money, "%" for rates
 * @param approx    null, "about" or "more_than" (a lower bound)
 * @param label     the phrase naming what is counted
 * @param metricKey canonical key where the label maps to one, else null
 * @param surface   the exact text span holding number and unit
 * @param sentence  the sentence holding it
 * @param offset    character offset of the surface in the normalised report text
 */
public record MetricFact(
        BigDecimal value,
        String unit,
        String approx,
        String label,
        String metricKey,
        String surface,
        String sentence,
        int offset) {

    public static final String ABOUT = "about";
    public static final String MORE_THAN = "more_than";
}
