package io.fazhi.aggregate.api;

import java.math.BigDecimal;

/** One metric behind a rollup cell: its value, where it was found (report, agency, section) and its sentence. */
public record MetricRow(
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
        String metricKey,
        String label,
        BigDecimal value,
        String unit,
        String approx,
        String surface,
        String sentence,
        int offset) {}
