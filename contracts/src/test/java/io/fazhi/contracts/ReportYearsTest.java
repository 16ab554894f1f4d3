package io.fazhi.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportYearsTest {
    @Test
    void theRangeIncludesItsBoundsAndNothingOutside() {
        assertTrue(ReportYears.valid(ReportYears.FIRST));
        assertTrue(ReportYears.valid(ReportYears.LAST));
        assertTrue(ReportYears.valid(2024));
        assertFalse(ReportYears.valid(ReportYears.FIRST - 1));
        assertFalse(ReportYears.valid(ReportYears.LAST + 1));
        assertFalse(ReportYears.valid(0));
    }

    @Test
    void theRangeCoversTheReportsThatExist() {
        // the national outlines start in the 1990s; the sample reports cover 2019 to 2024
        assertTrue(ReportYears.FIRST <= 1999 && ReportYears.FIRST >= 1949, "first " + ReportYears.FIRST);
        assertTrue(ReportYears.LAST >= 2030, "last " + ReportYears.LAST);
    }
}
