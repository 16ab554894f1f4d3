package io.fazhi.ingest.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PdfTextTest {
    @Test
    void pageNumberLinesAreDroppedAndOtherLinesKept() {
        assertEquals(
                "一、主要举措\n\n全年办理案件12件。\n2019年",
                PdfText.withoutPageNumbers(" 一、主要举措 \n- 3 -\n\n第 4 页 / 共 12 页\n全年办理案件12件。\n5/12\n2019年"));
    }
}
