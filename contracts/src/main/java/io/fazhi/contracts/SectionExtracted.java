package io.fazhi.contracts;

import java.util.List;

/**
 * One section of one report revision with the metrics found in it. A report revision produces
 * {@code sectionCount} of these, indexed 0..sectionCount-1; index 0 is the text before the first heading
 * (the preamble: no heading, level 0). The event id is derived from report, revision, extractor version and
 * index, so a redelivered or re-extracted section yields the same id and a consumer can drop duplicates,
 * while a run of a newer extractor yields new ids.
 *
 * <p>Schema 2: metrics carry {@code indicator}, {@code unitKind} and {@code rollupUnit} ({@link MetricFact}), and
 * {@code withdrawn} says the revision takes the report out of the rollups (it was merged into another report or
 * withdrawn by an operator): such a revision has one empty section. Consumers read schema 1 and 2.
 *
 * @param withdrawn true when this revision withdraws the report from every rollup
 */
public record SectionExtracted(
        int schemaVersion,
        String eventId,
        String reportId,
        int revision,
        int sectionIndex,
        int sectionCount,
        String extractorVersion,
        ReportInfo report,
        Section section,
        List<MetricFact> metrics,
        boolean withdrawn) {

    public static final int SCHEMA_VERSION = 2;

    public static String eventId(String reportId, int revision, String extractorVersion, int sectionIndex) {
        return reportId + "/" + revision + "/" + extractorVersion + "/" + sectionIndex;
    }

    /**
     * @param heading  the whole heading line, null for the preamble
     * @param level    1 = 一、, 2 = (一), 3 = 1., 4 = (1); 0 for the preamble
     * @param path     the section numbers from the root, e.g. "1.2.3"; "" for the preamble
     * @param category a taxonomy category key
     * @param offset   character offset of the heading in the normalised report text
     */
    public record Section(String heading, int level, String path, String category, int offset) {}
}
