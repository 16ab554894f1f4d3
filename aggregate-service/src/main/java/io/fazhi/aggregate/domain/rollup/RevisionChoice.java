package io.fazhi.aggregate.domain.rollup;

import io.fazhi.aggregate.model.CompletedRevision;
import io.fazhi.aggregate.model.ReportState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which revision of a report counts: the newest revision, and of two extractions of the same revision the one first
 * seen later (reprocessing by a newer extractor replaces the older extraction; a stale run that started before it
 * and completes after it does not). A late extraction of an older revision is history, never current.
 */
public final class RevisionChoice {
    private static final Comparator<CompletedRevision> NEWEST = Comparator.comparingInt(
                    (CompletedRevision c) -> c.key().revision())
            .thenComparingLong(CompletedRevision::arrival);

    private RevisionChoice() {}

    /** The revision to make current, when one of the candidates is newer than the report's current one. */
    public static Optional<CompletedRevision> choose(ReportState report, List<CompletedRevision> candidates) {
        Optional<CompletedRevision> newest = candidates.stream().max(NEWEST);
        if (newest.isEmpty() || report.current() == null) {
            return newest;
        }
        CompletedRevision c = newest.get();
        int revision = report.current().revision();
        boolean newer =
                c.key().revision() > revision || (c.key().revision() == revision && c.arrival() > report.arrival());
        return newer ? newest : Optional.empty();
    }
}
