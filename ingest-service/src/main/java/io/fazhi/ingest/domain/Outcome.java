package io.fazhi.ingest.domain;

import java.util.Locale;

/** What an upload led to; also the {@code outcome} tag of {@code fazhi_uploads_total}. */
public enum Outcome {
    /** a new report */
    ACCEPTED,
    /** a report already stored: the same text, a near duplicate from someone else, or the same Idempotency-Key */
    DUPLICATE,
    /** a new revision of a stored report: another text of the same agency and year */
    REVISION,
    /** refused (a client error) */
    REJECTED,
    /** the database was away (retry later) */
    UNAVAILABLE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
