package io.fazhi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.ReportStatusChanged.Status;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
    @Test
    void aSectionEventIdIsTheSameForARedeliveryAndNewForANewerExtractor() {
        String id = SectionExtracted.eventId("r1", 2, "engine-7", 3);
        assertEquals(id, SectionExtracted.eventId("r1", 2, "engine-7", 3));
        assertNotEquals(id, SectionExtracted.eventId("r1", 2, "engine-8", 3));
        assertNotEquals(id, SectionExtracted.eventId("r1", 3, "engine-7", 3));
        assertNotEquals(id, SectionExtracted.eventId("r1", 2, "engine-7", 4));
    }

    @Test
    void statusOnlyMovesForward() {
        assertTrue(Status.EXTRACTED.isAfter(Status.RECEIVED));
        assertTrue(Status.AGGREGATED.isAfter(Status.EXTRACTED));
        assertTrue(Status.RECEIVED.isAfter(null));
        assertFalse(Status.EXTRACTED.isAfter(Status.AGGREGATED), "a late EXTRACTED never hides AGGREGATED");
        assertFalse(Status.EXTRACTED.isAfter(Status.EXTRACTED));
    }

    @Test
    void aReportIsCompliantOnlyWithAllFiveParts() {
        assertTrue(new ReportInfo.Compliance(true, true, true, true, true).complete());
        assertFalse(new ReportInfo.Compliance(true, true, true, true, false).complete());
        assertFalse(new ReportInfo.Compliance(false, true, true, true, true).complete());
    }

    @Test
    void categoriesEndWithOtherAndAreUnique() {
        assertEquals(Categories.OTHER, Categories.ALL.get(Categories.ALL.size() - 1));
        assertEquals(Categories.ALL.size(), new java.util.HashSet<>(Categories.ALL).size());
    }
}
