package io.fazhi.contracts;

import java.time.Instant;

/**
 * A report accepted by ingest-service. Metadata fields are what the uploader supplied (or the agency registry
 * gave); null means "infer it from the text".
 *
 * <p>Schema 2 added {@code withdrawn}: a revision that takes the report out of every rollup (merged into another
 * report, or withdrawn by an operator). Its text is empty; extract-service passes it on as one empty section.
 *
 * @param revision  1 for the first upload of a report, then one more for each corrected text
 * @param withdrawn true when this revision withdraws the report from the rollups
 */
public record ReportSubmitted(
        int schemaVersion,
        String reportId,
        int revision,
        String agency,
        String city,
        String district,
        Integer year,
        String title,
        String published,
        String sourceUrl,
        String text,
        Instant submittedAt,
        boolean withdrawn) {

    public static final int SCHEMA_VERSION = 2;
}
