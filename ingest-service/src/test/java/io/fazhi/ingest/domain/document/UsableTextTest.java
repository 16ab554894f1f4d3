package io.fazhi.ingest.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fazhi.ingest.domain.DomainException;
import org.junit.jupiter.api.Test;

class UsableTextTest {
    private static final String REPORT = "江门市司法局2019年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政复议案件12件。";

    @Test
    void lineEndsByteOrderMarksAndTrailingBlanksAreCleaned() {
        assertEquals(REPORT, UsableText.of("\ufeff" + REPORT.replace("\n", "  \r\n") + "\n\n\n", 1000));
        assertEquals("一\n\n二", UsableText.clean("一\n\n\n\n二\u200b"));
    }

    @Test
    void controlsLoneSurrogatesAndBlankRunsAreDroppedWhereTheyAre() {
        // CR alone and CRLF are line ends; controls and a lone surrogate go, a surrogate pair (𠀀) stays
        assertEquals("甲\n乙\n丙?", UsableText.clean("甲\r乙\r\n丙\u0001?"));
        assertEquals("甲乙\t丙𠀀", UsableText.clean("甲\u0007乙\t丙\ud800\u0085𠀀\udc00"));
        // blanks (ideographic, no-break, tab) before a line end go, also with a zero-width character between
        assertEquals("甲\n\n\u3000乙", UsableText.clean("甲\u3000\u00a0\u200b\n\t\n \n\n\u3000乙 \u3000"));
        // NFC: e + combining acute becomes é
        assertEquals("caf\u00e9 法治", UsableText.clean("cafe\u0301 法治"));
    }

    @Test
    void emptyBinaryForeignAndHugeTextsAreRefused() {
        assertThrows(DomainException.UnusableContent.class, () -> UsableText.of(" \n\t", 1000));
        assertThrows(DomainException.UnusableContent.class, () -> UsableText.of("法治\u0000政府" + REPORT, 1000));
        assertThrows(
                DomainException.UnusableContent.class, () -> UsableText.of("An annual report in English, 2019.", 1000));
        assertThrows(DomainException.TooLarge.class, () -> UsableText.of(REPORT, 10));
    }
}
