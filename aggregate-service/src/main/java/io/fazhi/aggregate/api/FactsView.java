package io.fazhi.aggregate.api;

import io.fazhi.contracts.ReportInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A report as it counts in the rollups: its metadata, sections and metrics with provenance.
 *
 * @param complianceComplete all five required parts are present
 * @param publishedOnTime    published before 1 April of the next year; null when the date is unknown
 * @param extractions        every extraction of every revision seen, the current one marked
 */
public record FactsView(
        String reportId,
        int revision,
        String extractorVersion,
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
        List<SectionView> sections) {

    public record SectionView(
            int index, String heading, int level, String path, String category, List<MetricView> metrics) {}

    public record MetricView(
            BigDecimal value,
            String unit,
            String approx,
            String label,
            String metricKey,
            String surface,
            String sentence,
            int offset) {}

    /** One extraction of one revision; {@code complete} once all its sections arrived. */
    public record Extraction(
            int revision,
            String extractorVersion,
            int sections,
            int sectionsReceived,
            boolean complete,
            boolean current,
            Instant completedAt) {}
}
