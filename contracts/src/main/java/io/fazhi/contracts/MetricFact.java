package io.fazhi.contracts;

import java.math.BigDecimal;

/**
 * One quantity found in a report.
 *
 * <p>Schema 2 replaced v1's {@code metricKey} by {@code indicator} and added {@code unitKind} and {@code rollupUnit}.
 * A v1 event still reads: its metrics have no indicator and no unit kind (null), so they are facts, not rollup
 * cells, until the report is reprocessed.
 *
 * @param value      the number with multipliers applied; money in 元
 * @param unit       measure word as written (simplified characters), "元" for money, "%" for rates
 * @param approx     null, {@link #ABOUT} or {@link #MORE_THAN} (a lower bound)
 * @param label      the noun phrase naming what is counted, or null
 * @param indicator  the id of the canonical indicator it measures ({@link Indicators}), or null for a one-off figure
 * @param unitKind   the kind of its unit ({@link UnitKind#id()}), as the engine's unit data says; null in v1 events
 * @param rollupUnit the unit it is counted under in rollups: units that mean the same share one (场 and 场次 roll up
 *                   as 次, 名 as 人); null in v1 events
 * @param surface    the exact text span holding number and unit
 * @param sentence   the sentence holding it
 * @param offset     character offset of the surface in the normalised report text
 */
public record MetricFact(
        BigDecimal value,
        String unit,
        String approx,
        String label,
        String indicator,
        String unitKind,
        String rollupUnit,
        String surface,
        String sentence,
        int offset) {

    public static final String ABOUT = "about";
    public static final String MORE_THAN = "more_than";
}
