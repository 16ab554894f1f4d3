package io.fazhi.ingest.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.ingest.domain.DomainException;
import io.fazhi.ingest.fixtures.Documents;
import io.fazhi.ingest.fixtures.Pages;
import io.fazhi.ingest.fixtures.TestLimits;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading uploads alone (no service): charsets, HTML, Word, PDF. The HTTP tests cover the same end to end. */
class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader(new TestLimits(3));

    @Test
    void undeclaredGbkAndBig5AreDetected() {
        String simplified = "江门市司法局2019年法治政府建设年度报告。全年办理行政复议案件12件。";
        String traditional = "臺北市政府2019年法治政府建設年度報告。全年辦理行政複議案件12件。";
        assertEquals(simplified, CharsetDetection.decode(simplified.getBytes(Charset.forName("GBK")), null));
        assertEquals(traditional, CharsetDetection.decode(traditional.getBytes(Charset.forName("Big5")), null));
        assertEquals(simplified, CharsetDetection.decode(simplified.getBytes(Charset.forName("UTF-8")), null));
        assertThrows(DomainException.UnsupportedFormat.class, () -> CharsetDetection.named("x-klingon"));
    }

    @Test
    void pdfLineWrapsAreRejoinedAndPageNumbersDropped() {
        String paragraph = "(一)落实财政保障。全年安排法治建设专项经费共计1955.7万元,较上年增长百分之十二,保障了各项工作的顺利开展,"
                + "各部门按照年度计划推进依法行政,完成了规范性文件清理、行政执法公示、重大决策法制审核等重点任务,"
                + "并对执法人员开展了专题培训,组织旁听庭审活动,推动行政机关负责人出庭应诉工作常态化、制度化。";
        List<String> lines = new ArrayList<>();
        lines.add("一、主要举措和成效");
        for (int i = 0; i < paragraph.length(); i += 24) {
            lines.add(paragraph.substring(i, Math.min(paragraph.length(), i + 24)));
        }
        lines.add("(二)加强执法监督。开展专项检查18次。");
        String text = reader.read(Documents.pdf(lines, 4, true), DocumentReader.PDF, null, "r.pdf")
                .text();
        assertTrue(text.contains(paragraph), text);
        assertTrue(text.contains("一、主要举措和成效\n(一)"), text);
        assertFalse(text.contains("- 1 -") || text.contains("- 2 -"), text);
    }

    @Test
    void aPdfWithTooManyPagesIsRefused() {
        byte[] pdf = Documents.pdf(List.of("一", "二", "三", "四"), 1, false);
        assertThrows(DomainException.TooLarge.class, () -> reader.read(pdf, DocumentReader.PDF, null, null));
    }

    @Test
    void docxTextAndZipBomb() {
        String text = reader.read(Documents.docx(List.of("一、主要举措", "全年办理案件168件。")), null, null, "r.docx")
                .text();
        assertTrue(text.contains("一、主要举措\n全年办理案件168件。"), text);
        DomainException bomb = assertThrows(
                DomainException.UnusableContent.class,
                () -> reader.read(Documents.zipBombDocx(20), DocumentReader.DOCX, null, "bomb.docx"));
        assertTrue(bomb.getMessage().contains("zip bomb"), bomb.getMessage());
    }

    @Test
    void htmlKeepsTheArticleAndDropsTheChrome() {
        String html = Pages.withChrome("<p>一、主要举措和成效</p><p>(一)优化政务服务。全年办理行政许可事项120件。</p>"
                + "<div><span>(二)加强执法监督。</span><span>开展专项检查18次，发现问题3个。</span></div>");
        DocumentReader.Document d = reader.read(html.getBytes(Charset.forName("GBK")), "text/html", null, null);
        String text = UsableText.clean(d.text());
        assertTrue(text.contains("(一)优化政务服务。全年办理行政许可事项120件。"), text);
        assertTrue(text.contains("(二)加强执法监督。开展专项检查18次，发现问题3个。"), text);
        assertTrue(text.startsWith("江门市司法局2019年法治政府建设年度报告"), text);
        for (String chrome : List.of("首页", "网站地图", "粤ICP备", "相关链接", "alert", "var ", "分享到")) {
            assertFalse(text.contains(chrome), chrome + " in " + text);
        }
        assertEquals("江门市司法局2019年法治政府建设年度报告", d.title());
    }

    @Test
    void formatsAreTakenFromTheNameThenTheTypeThenTheBytes() {
        assertEquals(DocumentReader.Kind.PDF, DocumentReader.kind("%PDF-1.7".getBytes(), null, null));
        assertEquals(
                DocumentReader.Kind.HTML,
                DocumentReader.kind("<html><body>".getBytes(), "application/octet-stream", null));
        assertEquals(DocumentReader.Kind.TEXT, DocumentReader.kind("%PDF".getBytes(), "application/pdf", "a.txt"));
        assertThrows(DomainException.UnsupportedFormat.class, () -> DocumentReader.kind(new byte[8], null, "old.doc"));
        assertThrows(
                DomainException.UnsupportedFormat.class, () -> DocumentReader.kind(new byte[8], "image/png", null));
    }
}
