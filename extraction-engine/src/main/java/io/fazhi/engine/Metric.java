package io.fazhi.engine;

import java.math.BigDecimal;

/**
 * A quantity found in the text.
 *
 * @param unit       the measure word as written ("元" for money, "%" for rates)
 * @param unitKind   count, person, money, percent or duration, from the unit data
 * @param rollupUnit the unit it rolls up under (units that mean the same share one), from the unit data
 * @param approx     null, "about" or "more_than"
 * @param label      the noun phrase naming what is counted, or null
 * @param indicator  the canonical indicator id it measures, or null
 * @param offset     offset of the surface in the normalised text
 */
public record Metric(
        BigDecimal value,
        String unit,
        String unitKind,
        String rollupUnit,
        String approx,
        String label,
        String indicator,
        String surface,
        String sentence,
        int offset) {

    /** The same metric measuring another indicator (or none). */
    public Metric withIndicator(String id) {
        return new Metric(value, unit, unitKind, rollupUnit, approx, label, id, surface, sentence, offset);
    }
}
