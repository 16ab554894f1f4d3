package io.fazhi.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineJoinerTest {
    private static final String LINE = "我局认真贯彻落实法治政府建设实施纲要全面推进依法行政工作";

    private static String wrapped(String head) {
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < 6; i++) {
            b.append(LINE).append('\n');
        }
        return b.append("取得明显成效。\n").toString();
    }

    @Test
    void wrappedLinesRunOnAndAWrappedNumberIsWholeAgain() {
        String out = LineJoiner.join(wrapped("") + LINE.substring(0, LINE.length() - 3) + "195\n5.7万元用于企业。\n");
        assertFalse(out.contains(LINE + "\n"), out);
        assertTrue(out.contains("1955.7万元"), out);
    }

    @Test
    void aTitleAsWideAsTheTextKeepsItsOwnLine() {
        // issue 10: "…的报告" was joined with "现将有关情况报告如下:" because the title has no closing punctuation
        String title = "台山市人力资源和社会保障局2021年法治政府建设情况的报告";
        assertTrue(title.length() >= LINE.length() - 2, "as wide as the text");
        String out = LineJoiner.join(wrapped(title + "\n现将有关情况报告如下:\n"));
        assertTrue(out.startsWith(title + "\n现将有关情况报告如下:\n"), out);
        assertTrue(LineJoiner.endsAsTitle(title, 0, title.length()));
    }

    @Test
    void aTitleWrappedOverTwoLinesIsStillOneLine() {
        String first = "台山市人力资源和社会保障局关于二〇二一年度法治政府建设工作";
        assertTrue(first.length() >= LINE.length() - 2, "as wide as the text");
        String out = LineJoiner.join(wrapped(first + "\n情况的报告\n"));
        assertTrue(out.startsWith(first + "情况的报告\n"), out);
    }

    @Test
    void aBodyLineEndingWithTheSameWordRunsOnPastTheOpening() {
        String body = "我局认真贯彻落实法治政府建设实施纲要向市委市政府按时报告";
        assertEquals(LINE.length(), body.length());
        String out = LineJoiner.join(wrapped("") + body + "\n年度工作情况。\n");
        assertTrue(out.contains(body + "年度工作情况。"), out);
    }

    @Test
    void textThatIsNotHardWrappedIsLeftAsItIs() {
        String text = "标题\n一、基本情况\n正文。\n";
        assertEquals(text, LineJoiner.join(text));
    }
}
