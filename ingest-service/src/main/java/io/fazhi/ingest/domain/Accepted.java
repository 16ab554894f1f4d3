package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.StoredRevision;

/**
 * The answer to an upload.
 *
 * @param report the report's current revision; null when the caller may not see the report it duplicates
 * @param reportId the report's id
 * @param duplicateOf the report the upload was recognised as a copy of (the same text, or a near duplicate from
 *     someone else), else null
 */
public record Accepted(StoredRevision report, String reportId, Outcome outcome, String duplicateOf) {
    /** Whether this upload made a new report or revision, to be published. */
    public boolean created() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.REVISION;
    }
}
