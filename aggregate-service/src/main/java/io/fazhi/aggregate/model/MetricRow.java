package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/**
 * One metric of one section, as stored.
 *
 * @param rollupUnit the unit it rolls up under (the event's, else the unit as written)
 * @param unitKind the kind of its unit as the engine's unit data says; null in schema 1 events
 * @param indicator the canonical indicator it measures; null for a one-off figure (a fact, not a rollup cell)
 */
public record MetricRow(
        RevisionKey key,
        int sectionIndex,
        int position,
        String category,
        BigDecimal value,
        String unit,
        String rollupUnit,
        String unitKind,
        String approx,
        String label,
        String indicator,
        String surface,
        String sentence,
        int offset) {}
