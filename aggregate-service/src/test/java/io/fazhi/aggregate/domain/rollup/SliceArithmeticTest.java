package io.fazhi.aggregate.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.model.CountAfter;
import io.fazhi.aggregate.model.SliceChange;
import io.fazhi.aggregate.model.SliceCountKey;
import io.fazhi.aggregate.model.SliceKey;
import io.fazhi.aggregate.model.SliceMember;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The (city, year) summaries: counts moved with a report, distinct agencies and districts by reference counts. */
class SliceArithmeticTest {
    static final SliceKey Y2022 = new SliceKey("江门市", 2022);
    static final SliceKey Y2023 = new SliceKey("江门市", 2023);

    static SliceMember member(SliceKey slice, String agency, String district, int metrics, boolean complete) {
        return new SliceMember(
                slice, agency, district, metrics, complete, true, true, complete, true, complete, true, false);
    }

    @Test
    void aCorrectionThatMovesAReportToAnotherYearMovesItsCounts() {
        SliceArithmetic.Changes c = SliceArithmetic.changes(
                List.of(member(Y2022, "司法局", "新会区", 10, true)), List.of(member(Y2023, "司法局", null, 12, false)));
        SliceChange before = c.counts().get(Y2022);
        SliceChange after = c.counts().get(Y2023);
        assertEquals(-1, before.reports());
        assertEquals(-10, before.metrics());
        assertEquals(-1, before.complete());
        assertEquals(1, after.reports());
        assertEquals(0, after.complete());
        assertEquals(-1, before.publishedKnown());
        assertEquals(1, after.publishedKnown());
        assertEquals(Map.of(new SliceCountKey(Y2022, "新会区"), -1), c.districts());
        assertEquals(Map.of(new SliceCountKey(Y2022, "司法局"), -1, new SliceCountKey(Y2023, "司法局"), 1), c.agencies());
    }

    @Test
    void aReportReplacedInItsSliceLeavesItsAgencyCounted() {
        SliceArithmetic.Changes c = SliceArithmetic.changes(
                List.of(member(Y2022, "司法局", "新会区", 10, true)), List.of(member(Y2022, "司法局", "新会区", 14, true)));
        assertTrue(c.agencies().isEmpty(), "the agency stays, no reference count changes");
        assertTrue(c.districts().isEmpty());
        assertEquals(0, c.counts().get(Y2022).reports());
        assertEquals(4, c.counts().get(Y2022).metrics());
    }

    @Test
    void distinctCountsFollowTheReferenceCounts() {
        SliceCountKey a = new SliceCountKey(Y2022, "司法局");
        SliceCountKey b = new SliceCountKey(Y2022, "财政局");
        List<CountAfter<SliceCountKey>> after = List.of(new CountAfter<>(a, 1, true), new CountAfter<>(b, 0, false));
        assertEquals(0, SliceArithmetic.distinctChanges(after).get(Y2022));
        assertEquals(java.util.Set.of(b), SliceArithmetic.emptied(after));
        List<SliceChange> withDistinct = SliceArithmetic.withDistinct(
                SliceArithmetic.changes(List.of(), List.of(member(Y2022, "司法局", null, 1, true)))
                        .counts(),
                Map.of(Y2022, 1),
                Map.of());
        assertEquals(1, withDistinct.get(0).agencies());
        assertEquals(0, withDistinct.get(0).districts());
    }
}
