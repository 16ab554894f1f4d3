package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.ReportEntity;

/** The outcome of an upload: the report, and whether this upload created it or found it already there. */
public record Accepted(ReportEntity report, boolean created) {
}
