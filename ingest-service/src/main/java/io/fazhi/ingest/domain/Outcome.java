package io.fazhi.ingest.domain;

/** What an upload led to; also the {@code outcome} tag of {@code fazhi_uploads_total}. */
public enum Outcome {
    /** a new report */
    ACCEPTED,
    /** the same content (or the same Idempotency-Key and request) again: the existing report */
    DUPLICATE,
    /** a different text for the same agency and year: a new revision of its report */
    REVISION,
    /** refused (4xx) */
    REJECTED,
    /** the broker did not acknowledge (503) */
    UNAVAILABLE;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
