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
    void emptyBinaryForeignAndHugeTextsAreRefused() {
        assertThrows(DomainException.UnusableContent.class, () -> UsableText.of(" \n\t", 1000));
        assertThrows(DomainException.UnusableContent.class, () -> UsableText.of("法治\u0000政府" + REPORT, 1000));
        assertThrows(
                DomainException.UnusableContent.class, () -> UsableText.of("An annual report in English, 2019.", 1000));
        assertThrows(DomainException.TooLarge.class, () -> UsableText.of(REPORT, 10));
    }
}
