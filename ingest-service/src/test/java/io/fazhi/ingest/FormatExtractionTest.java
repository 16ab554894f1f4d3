package io.fazhi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.ingest.domain.Charsets;
import io.fazhi.ingest.domain.Formats;
import io.fazhi.ingest.domain.Limits;
import io.fazhi.problems.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format layer alone (no service): charsets, HTML, Word, PDF. Fast; the HTTP tests cover the same end to end. */
class FormatExtractionTest {
    static final Limits LIMITS = new Limits() {
        @Override
        public MemorySize uploadSize() {
            return new MemorySize(BigInteger.valueOf(20L << 20));
        }

        @Override
        public int textChars() {
            return 2_000_000;
        }

        @Override
        public int pages() {
            return 3;
        }

        @Override
        public MemorySize docxEntrySize() {
            return new MemorySize(BigInteger.valueOf(100L << 20));
        }
    };
    private final Formats formats = new Formats(LIMITS);

    @Test
    void undeclaredGbkAndBig5AreDetected() {
        String simplified = "江门市司法局2019年法治政府建设年度报告。全年办理行政复议案件12件。";
        String traditional = "臺北市政府2019年法治政府建設年度報告。全年辦理行政複議案件12件。";
        assertEquals(simplified, Charsets.decode(simplified.getBytes(Charset.forName("GBK")), null));
        assertEquals(traditional, Charsets.decode(traditional.getBytes(Charset.forName("Big5")), null));
        assertEquals(simplified, Charsets.decode(simplified.getBytes(Charset.forName("UTF-8")), null));
    }

    @Test
    void pdfLineWrapsAreRejoinedSoNumbersStayWhole() {
        String p1 = "(一)落实财政保障。全年安排法治建设专项经费共计195";
        String p2 = "5.7万元,较上年增长百分之十二,保障了各项工作的顺利开展。";
        List<String> lines = new ArrayList<>();
        lines.add("一、主要举措和成效");
        lines.add(p1);
        lines.add(p2);
        lines.add("(二)加强执法监督。开展专项检查18次。");
        String text = formats.extract(Documents.pdf(lines), Formats.PDF, null, "r.pdf")
                .text();
        assertTrue(text.contains("1955.7万元"), text);
        assertTrue(text.contains("一、主要举措和成效\n(一)"), text);
        assertTrue(text.contains("开展。\n(二)"), text);
    }

    @Test
    void aPdfWithTooManyPagesIsRefused() throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument();
                var out = new java.io.ByteArrayOutputStream()) {
            for (int i = 0; i < 4; i++) {
                doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            }
            doc.save(out);
            ProblemException e = assertThrows(
                    ProblemException.class, () -> formats.extract(out.toByteArray(), Formats.PDF, null, null));
            assertEquals(413, e.status());
        }
    }

    @Test
    void docxTextAndZipBomb() {
        String text = formats.extract(Documents.docx(List.of("一、主要举措", "全年办理案件168件。")), null, null, "r.docx")
                .text();
        assertTrue(text.contains("一、主要举措\n全年办理案件168件。"), text);
        ProblemException bomb = assertThrows(
                ProblemException.class,
                () -> formats.extract(Documents.zipBombDocx(20), Formats.DOCX, null, "bomb.docx"));
        assertEquals(422, bomb.status());
        assertTrue(bomb.getMessage().contains("zip bomb"), bomb.getMessage());
    }

    @Test
    void htmlKeepsTheArticleAndDropsTheChrome() {
        String html = Pages.withChrome("<p>一、主要举措和成效</p><p>(一)优化政务服务。全年办理行政许可事项120件。</p>"
                + "<div><span>(二)加强执法监督。</span><span>开展专项检查18次，发现问题3个。</span></div>");
        Formats.Extracted x = formats.extract(html.getBytes(Charset.forName("GBK")), "text/html", null, null);
        String text = io.fazhi.ingest.domain.Texts.normalise(x.text());
        assertTrue(text.contains("(一)优化政务服务。全年办理行政许可事项120件。"), text);
        assertTrue(text.contains("(二)加强执法监督。开展专项检查18次，发现问题3个。"), text);
        assertTrue(text.startsWith("江门市司法局2019年法治政府建设年度报告"), text);
        for (String chrome : List.of("首页", "网站地图", "粤ICP备", "相关链接", "alert", "var ", "分享到")) {
            assertFalse(text.contains(chrome), chrome + " in " + text);
        }
        assertEquals("江门市司法局2019年法治政府建设年度报告", x.title());
    }
}
