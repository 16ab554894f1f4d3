package io.fazhi.aggregate.model;

import java.util.Comparator;

/** One extraction of one revision of a report. */
public record RevisionKey(String reportId, int revision, String extractorVersion) implements Comparable<RevisionKey> {
    private static final Comparator<RevisionKey> ORDER = Comparator.comparing(RevisionKey::reportId)
            .thenComparingInt(RevisionKey::revision)
            .thenComparing(RevisionKey::extractorVersion);

    @Override
    public int compareTo(RevisionKey o) {
        return ORDER.compare(this, o);
    }
}
