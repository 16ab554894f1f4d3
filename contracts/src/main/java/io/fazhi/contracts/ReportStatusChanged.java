package io.fazhi.contracts;

import java.time.Instant;

/**
 * A report moved along the pipeline. Sent by extract-service (EXTRACTED, FAILED), aggregate-service
 * (AGGREGATED, FAILED) and read by ingest-service, which owns the status the API shows.
 *
 * @param report   what extraction learnt of the report (EXTRACTED only), else null
 * @param sections number of sections found (EXTRACTED only)
 * @param metrics  number of metrics found (EXTRACTED only)
 */
public record ReportStatusChanged(
        int schemaVersion,
        String reportId,
        int revision,
        Status status,
        String reason,
        String extractorVersion,
        Integer sections,
        Integer metrics,
        ReportInfo report,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    public enum Status {
        RECEIVED,
        EXTRACTED,
        AGGREGATED,
        FAILED;

        /** Status only moves forward; a late EXTRACTED never hides an AGGREGATED of the same revision. */
        public boolean isAfter(Status other) {
            return other == null || this.ordinal() > other.ordinal();
        }
    }
}
