package io.fazhi.aggregate.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.model.CompletedRevision;
import io.fazhi.aggregate.model.ReportState;
import io.fazhi.aggregate.model.RevisionKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which revision counts: the newest, and of one revision the extraction seen later. */
class RevisionChoiceTest {
    static CompletedRevision completed(int revision, String extractor, long arrival) {
        return new CompletedRevision(new RevisionKey("r", revision, extractor), arrival, false, null);
    }

    static ReportState current(int revision, String extractor, long arrival) {
        return new ReportState("r", new RevisionKey("r", revision, extractor), arrival, null);
    }

    @Test
    void theFirstCompleteRevisionCounts() {
        assertEquals(
                "v1",
                RevisionChoice.choose(new ReportState("r", null, 0, null), List.of(completed(1, "v1", 5)))
                        .orElseThrow()
                        .key()
                        .extractorVersion());
    }

    @Test
    void aNewerRevisionReplacesAnOlderOneNeverTheOtherWay() {
        assertTrue(RevisionChoice.choose(current(1, "v1", 5), List.of(completed(2, "v1", 3)))
                .isPresent());
        assertTrue(
                RevisionChoice.choose(current(2, "v1", 3), List.of(completed(1, "v1", 9)))
                        .isEmpty(),
                "a late extraction of an older revision is history");
    }

    @Test
    void ofTwoExtractionsOfOneRevisionTheOneSeenLaterCounts() {
        assertTrue(
                RevisionChoice.choose(current(1, "2024.1", 5), List.of(completed(1, "2025.1", 8)))
                        .isPresent(),
                "reprocessing replaces");
        assertTrue(
                RevisionChoice.choose(current(1, "2025.1", 8), List.of(completed(1, "2024.9", 6)))
                        .isEmpty(),
                "a stale run that started before the reprocessing does not");
    }

    @Test
    void ofCandidatesOfOneBatchTheNewestWins() {
        assertEquals(
                3,
                RevisionChoice.choose(
                                current(1, "v1", 1),
                                List.of(completed(2, "v1", 4), completed(3, "v1", 6), completed(3, "v0", 5)))
                        .orElseThrow()
                        .key()
                        .revision());
    }
}
