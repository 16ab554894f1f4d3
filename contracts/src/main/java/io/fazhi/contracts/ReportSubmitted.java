package io.fazhi.contracts;

import java.time.Instant;

/**
 * A report accepted by ingest-service. Metadata fields are what the uploader supplied (or the agency registry
 * gave); null means "infer it from the text".
 *
 * @param revision 1 for the first upload of a report, then one more for each corrected text
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
        Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;
}
