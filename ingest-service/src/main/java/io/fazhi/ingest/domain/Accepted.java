package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.RevisionEntity;

/** The outcome of an upload: the report's current revision, and whether this upload created it. */
public record Accepted(RevisionEntity report, Outcome outcome) {
    public boolean created() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.REVISION;
    }
}
