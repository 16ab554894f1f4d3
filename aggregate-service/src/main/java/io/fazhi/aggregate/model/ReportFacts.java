package io.fazhi.aggregate.model;

import io.fazhi.contracts.ReportInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A report's current revision: metadata, sections and metrics with provenance, and every extraction seen.
 *
 * @param withdrawn the current revision took the report out of every rollup (merged or withdrawn); its earlier
 *     revisions stay in {@code extractions} as history
 * @param complianceComplete all five required parts are present
 * @param publishedOnTime published before 1 April of the next year; null when the date is unknown
 */
public record ReportFacts(
        String reportId,
        int revision,
        String extractorVersion,
        boolean withdrawn,
        String agency,
        String city,
        String district,
        String level,
        Integer year,
        String published,
        String title,
        ReportInfo.Compliance compliance,
        boolean complianceComplete,
        Boolean publishedOnTime,
        List<String> warnings,
        Instant aggregatedAt,
        List<Extraction> extractions,
        List<Section> sections) {

    /** One section and its metrics. */
    public record Section(int index, String heading, int level, String path, String category, List<Metric> metrics) {}

    /** One metric of a section. */
    public record Metric(
            BigDecimal value,
            String unit,
            String rollupUnit,
            String unitKind,
            String approx,
            String label,
            String indicator,
            String indicatorName,
            String surface,
            String sentence,
            int offset) {}

    /** One extraction of one revision; {@code complete} once all its sections arrived. */
    public record Extraction(
            int revision,
            String extractorVersion,
            boolean withdrawn,
            int sections,
            int sectionsReceived,
            boolean complete,
            boolean current,
            Instant completedAt) {}
}
