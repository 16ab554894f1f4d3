package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataExtractorTest {
    private static final Extractor EXTRACTOR = new Extractor();

    @Test
    void signatureBlockGivesAgencyCityDistrictAndDate() {
        ReportMetadata m = EXTRACTOR.extract(ReportInput.ofText("""
                2019年,区科工商务局坚持依法行政。
                一、基本情况
                (一)优化行政审批。共完成备案168件。
                江门市新会区科工商务局
                2019年11月21日
                """)).metadata();
        assertEquals("江门市新会区科工商务局", m.agency());
        assertEquals("江门市", m.city());
        assertEquals("新会区", m.district());
        assertEquals("bureau", m.level());
        assertEquals(2019, m.year());
        assertEquals("2019-11-21", m.published());
    }

    @Test
    void publishDateLineWinsOverSignatureDate() {
        ReportMetadata m = EXTRACTOR.extract(ReportInput.ofText("""
                来源:本网 发布日期:2020-04-08
                2019年,我局坚持依法行政。
                一、基本情况
                阳江市科学技术局
                二〇一九年十一月二十一日
                """)).metadata();
        assertEquals("2020-04-08", m.published());
        assertEquals(2019, m.year());
        assertEquals("阳江市", m.city());
    }

    @Test
    void zonesComeFromTheAliasTable() {
        ReportMetadata m = EXTRACTOR.extract(ReportInput.ofText("""
                火炬开发区2019年法治政府建设工作报告
                我区全面推进法治政府建设。
                一、主要举措
                签订了《中山火炬开发区管委会与某公司合作备忘录》。
                """)).metadata();
        assertEquals("中山市", m.city());
        assertEquals("火炬开发区", m.district());
        assertEquals("中山火炬开发区管委会", m.agency());
        assertEquals("zone", m.level());
        assertEquals(2019, m.year());
    }

    @Test
    void namesRepeatAcrossProvincesSoTheReportsProvinceWins() {
        // 海陵区 is in 泰州 (江苏); a Guangdong report about 海陵试验区 is in 阳江
        ReportMetadata m = EXTRACTOR.extract(ReportInput.ofText("""
                2024年以来,我局深入推进经济领域依法行政。
                一、工作情况
                出台了《海陵试验区深化营商环境综合改革行动方案》,结合我区实际,向“信用阳江”平台推送信息,
                在广东省投资项目在线审批监管平台办理。
                """)).metadata();
        assertEquals("阳江市", m.city());
        assertEquals("海陵试验区", m.district());
        assertNull(m.agency());
        assertEquals(2024, m.year());
    }

    @Test
    void uploadedValuesWinAndConflictsAreWarnings() {
        Extraction x = EXTRACTOR.extract(
                new ReportInput("2019年,我局依法行政。\n江门市工业和信息化局\n2020年1月5日\n", null, "阳江市", null, 2018, null, null));
        assertEquals("阳江市", x.metadata().city());
        assertEquals(2018, x.metadata().year());
        assertTrue(
                x.warnings().stream().anyMatch(w -> w.startsWith("city:")),
                x.warnings().toString());
        assertTrue(
                x.warnings().stream().anyMatch(w -> w.startsWith("year:")),
                x.warnings().toString());
    }

    @Test
    void dates() {
        assertEquals("2019-11-26", io.fazhi.engine.metadata.Dates.date("2019-11-26", 0));
        assertEquals("2020-12-01", io.fazhi.engine.metadata.Dates.date("2020年12月1日", 0));
        assertEquals("2020-12-01", io.fazhi.engine.metadata.Dates.date("二〇二〇年十二月一日", 0));
        assertNull(io.fazhi.engine.metadata.Dates.date("2020年13月1日", 0));
    }
}
