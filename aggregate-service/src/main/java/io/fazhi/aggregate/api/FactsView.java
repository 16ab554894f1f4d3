package io.fazhi.aggregate.api;

import io.fazhi.contracts.ReportInfo;
import java.math.BigDecimal;
import java.util.List;

/** A report as it counts in the rollups: its metadata, sections and metrics with provenance. */
public record FactsView(String reportId, int revision, String extractorVersion, String agency, String city,
        String district, String level, Integer year, String published, String title, ReportInfo.Compliance compliance,
        List<String> warnings, List<SectionView> sections) {

    public record SectionView(int index, String heading, int level, String path, String category,
            List<MetricView> metrics) {
    }

    public record MetricView(BigDecimal value, String unit, String approx, String label, String metricKey,
            String surface, String sentence, int offset) {
    }
}
