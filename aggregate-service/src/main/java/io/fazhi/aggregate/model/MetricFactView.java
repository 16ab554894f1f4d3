package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/**
 * One metric of a counted report with where it was found: report, agency, section and its sentence.
 *
 * @param indicator null for a one-off figure (a fact, not a rollup cell)
 * @param unitKind as the engine's unit data says; null for a schema 1 event
 */
public record MetricFactView(
        String reportId,
        int revision,
        String extractorVersion,
        String agency,
        String city,
        String district,
        String level,
        int year,
        String category,
        String sectionHeading,
        String sectionPath,
        String indicator,
        String indicatorName,
        String label,
        BigDecimal value,
        String unit,
        String rollupUnit,
        String unitKind,
        String approx,
        String surface,
        String sentence,
        int offset) {}
