package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormaliserTest {
    private final Normaliser normaliser = new Normaliser();

    @Test
    void fullWidthDigitsAndPunctuationBecomeAscii() {
        assertEquals(
                "共受理案件22宗,占100%。(一)", normaliser.normalise("共受理案件２２宗，占１００％。（一）").text());
    }

    @Test
    void lineEndsAndInvisibleCharacters() {
        assertEquals("甲\n乙\n丙", normaliser.normalise("\ufeff甲\r\n乙\r丙\u200b").text());
    }

    @Test
    void websiteChromeIsRemovedAndKept() {
        Normaliser.Result r = normaliser.normalise("""
                您当前的位置: 首页 > 政务公开 > 管理公开
                火炬开发区2019年法治政府建设工作报告
                信息来源:本网 发布日期:2019-11-26 浏览次数:123
                【打印】【关闭】
                一、基本情况
                正文。
                """);
        assertFalse(r.text().contains("当前的位置"));
        assertFalse(r.text().contains("发布日期"));
        assertFalse(r.text().contains("打印"));
        assertTrue(r.text().contains("火炬开发区2019年法治政府建设工作报告"));
        assertTrue(r.chrome().stream().anyMatch(l -> l.contains("2019-11-26")));
    }

    @Test
    void traditionalTextIsConvertedSimplifiedTextIsNot() {
        Normaliser.Result t = normaliser.normalise("二、存在的問題\n本局共辦理行政處罰案件12宗,規範性文件3份。");
        assertTrue(t.convertedFromTraditional());
        assertTrue(t.text().contains("存在的问题"), t.text());
        assertTrue(t.text().contains("行政处罚"), t.text());
        assertTrue(t.text().contains("规范性文件"), t.text());

        String simplified = "显著提高规范性文件质量,行政处罚案件12宗。";
        Normaliser.Result s = normaliser.normalise(simplified);
        assertFalse(s.convertedFromTraditional());
        assertEquals(simplified, s.text());
    }

    @Test
    void hardWrappedTextIsRejoined() {
        StringBuilder b = new StringBuilder("一、基本情况\n");
        String para = "我局认真贯彻落实法治政府建设实施纲要全面推进依法行政工作取得明显成效兑现省级扶持资金195";
        for (int i = 0; i < 6; i++) {
            b.append(para, 0, 40).append('\n');
        }
        b.append("5.7万元用于企业。\n");
        String out = normaliser.normalise(b.toString()).text();
        assertTrue(out.startsWith("一、基本情况\n"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count() - 1, out);
    }

    @Test
    void paragraphTextIsNotRejoined() {
        String text = "(一)贯彻落实重要讲话精神情况\n一是将学习重要讲话作为首要政治任务切实抓好。\n";
        assertEquals(text, normaliser.normalise(text).text());
    }

    @Test
    void everyKindOfPageChromeIsRemovedAndKept() {
        Normaliser.Result r = normaliser.normalise("""
                无障碍浏览 长者模式 简体|繁体
                今天是:2022年3月1日 星期二
                首页 > 政务公开 > 法治政府建设年度报告
                索  引  号:11440000/2022-00012  发布机构:某市司法局
                  • 法制
                  • 2022-03-01
                阳春市司法局2021年法治政府建设年度报告
                发布时间:2022-03-01 来源:本网 浏览次数:1268 字号:[大 中 小]
                分享到: 微信 微博
                2021年,我局共办理行政复议案件12件。
                一、基本情况
                (一)开展普法宣传,发放资料3000份。
                【打印本页】【关闭窗口】
                返回顶部
                主办单位:阳春市人民政府 网站标识码:4417810001
                """);
        assertEquals("阳春市司法局2021年法治政府建设年度报告\n2021年,我局共办理行政复议案件12件。\n一、基本情况\n" + "(一)开展普法宣传,发放资料3000份。\n", r.text());
        assertEquals(11, r.chrome().size(), r.chrome().toString());
    }

    @Test
    void sentencesHeadingsAndLoneBulletsAreNotChrome() {
        String text = """
                网站访问量突破356万次
                1.来源于群众的意见建议120条
                • 全年办理复议案件12件
                推进无障碍环境建设,改造设施32处。
                """;
        assertEquals(text, normaliser.normalise(text).text());
    }
}
