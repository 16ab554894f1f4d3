package io.fazhi.engine;

import java.util.List;

/**
 * The result of extracting one report.
 *
 * @param sections the preamble first, then every numbered section in document order
 * @param text     the normalised text that every offset refers to
 */
public record Extraction(
        ReportMetadata metadata, Compliance compliance, List<String> warnings, List<Section> sections, String text) {

    public Extraction(ReportMetadata metadata, Compliance compliance, List<String> warnings, List<Section> sections) {
        this(metadata, compliance, warnings, sections, null);
    }

    public int metricCount() {
        return sections.stream().mapToInt(s -> s.metrics().size()).sum();
    }

    /** Sections proper, without the preamble. */
    public int headingCount() {
        return sections.size() - 1;
    }
}
