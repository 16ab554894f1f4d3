package io.fazhi.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.ReportInput;
import io.fazhi.engine.ReportMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the metadata stage reads from whole reports of every kind of body, through the engine. */
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
        assertEquals("2019-11-26", Dates.date("2019-11-26", 0));
        assertEquals("2020-12-01", Dates.date("2020年12月1日", 0));
        assertEquals("2020-12-01", Dates.date("二〇二〇年十二月一日", 0));
        assertNull(Dates.date("2020年13月1日", 0));
    }

    private static ReportMetadata metadata(String text) {
        return EXTRACTOR.extract(ReportInput.ofText(text)).metadata();
    }

    @Test
    void aTownOrStreetResolvesToItsCountyAndCity() {
        ReportMetadata m = metadata("""
                塘厦镇人民政府2022年法治政府建设年度报告
                2022年,我镇坚持依法行政,全年化解矛盾纠纷86宗。
                一、主要举措
                """);
        assertEquals("东莞市", m.city());
        assertEquals("town", m.level());
        assertEquals("塘厦镇人民政府", m.agency());
        assertEquals(2022, m.year());
    }

    @Test
    void aStreetOfACountyGivesTheCountyAsDistrict() {
        ReportMetadata m = metadata("""
                2023年,龙华街道坚持依法行政,全年调解纠纷52宗。
                一、主要举措
                (一)深化基层治理。深圳市龙华区推进街道综合执法改革。
                """);
        // 龙华街道 is a street of six counties, 龙华区 a district of 深圳 and of 海口: 深圳市 decides
        assertEquals("深圳市", m.city());
        assertEquals("龙华区", m.district());
        assertEquals("town", m.level());
    }

    @Test
    void autonomousPrefecturesAndCountiesAreKnownByTheirShortForms() {
        ReportMetadata m = metadata("""
                景东县人民政府2022年法治政府建设情况报告
                2022年,县政府坚持依法行政。
                一、主要举措
                """);
        assertEquals("普洱市", m.city());
        assertEquals("景东彝族自治县", m.district());
        assertEquals("district", m.level());
        ReportMetadata prefecture = metadata("""
                2022年,恩施州市场监督管理局深入推进依法行政。
                一、主要举措
                """);
        assertEquals("恩施土家族苗族自治州", prefecture.city());
        assertEquals("bureau", prefecture.level());
    }

    @Test
    void aMunicipalitysDistrictStaysInTheMunicipality() {
        ReportMetadata m = metadata("""
                2022年,沙坪坝区深入推进依法行政,落实成渝地区双城经济圈建设部署,与成都市、成都高新区签订合作协议5份,
                赴成都市学习交流3次。
                一、主要举措
                """);
        assertEquals("重庆市", m.city());
        assertEquals("沙坪坝区", m.district());
        for (String district : new String[] {"东城区", "河西区", "黄浦区"}) {
            ReportMetadata other = metadata(district + "人民政府2022年法治政府建设情况报告\n2022年,区政府坚持依法行政。\n一、主要举措\n");
            assertEquals(district, other.district());
            assertTrue(List.of("北京市", "天津市", "上海市").contains(other.city()), other.toString());
        }
        // 和平区 is a district of 天津 and of 沈阳: without another mention the report's city is unknown, not a guess
        assertNull(
                metadata("和平区人民政府2022年法治政府建设情况报告\n2022年,区政府坚持依法行政。\n一、主要举措\n").city());
    }

    @Test
    void officesOfTheVerticalSystemsResolveToTheirCity() {
        assertCity("国家税务总局广州市税务局2021年法治税务建设情况报告\n2021年,我局坚持依法治税。\n一、主要举措\n", "广州市", null);
        assertCity("国家税务总局深圳市南山区税务局2021年法治税务建设情况报告\n2021年,我局坚持依法治税。\n一、主要举措\n", "深圳市", "南山区");
        assertCity("江门海关2021年法治建设情况报告\n2021年,我关坚持依法把关。\n一、主要举措\n", "江门市", null);
        assertCity("拱北海关2021年法治建设情况报告\n2021年,我关坚持依法把关。\n一、主要举措\n", "珠海市", null);
        assertCity("佛山市消防救援支队2021年法治建设工作报告\n2021年,支队坚持依法履职。\n一、主要举措\n", "佛山市", null);
        assertCity("惠州市气象局2021年法治政府建设年度报告\n2021年,我局依法履行气象职能。\n一、主要举措\n", "惠州市", null);
        assertCity("2021年,广州市公安局天河区分局坚持严格规范公正文明执法。\n一、主要举措\n", "广州市", "天河区");
        assertCity("2021年,广州市市场监督管理局白云分局坚持依法监管。\n一、主要举措\n", "广州市", "白云区");
    }

    private static void assertCity(String text, String city, String district) {
        ReportMetadata m = metadata(text);
        assertEquals(city, m.city(), text);
        assertEquals(district, m.district(), text);
        assertEquals("bureau", m.level(), text);
    }

    @Test
    void developmentZonesResolveToTheirHostCityAndDistrict() {
        ReportMetadata byRule = metadata("""
                2022年,淄博高新区管委会坚持依法行政。
                一、主要举措
                """);
        assertEquals("淄博市", byRule.city());
        assertEquals("淄博高新区", byRule.district());
        assertEquals("zone", byRule.level());
        ReportMetadata byCounty = metadata("""
                2022年,南海经济开发区坚持依法行政,服务企业120家。
                一、主要举措
                """);
        assertEquals("佛山市", byCounty.city());
        assertEquals("南海区", byCounty.district());
        ReportMetadata byAlias = metadata("""
                2022年,南沙新区坚持依法行政,深化粤港澳合作。
                一、主要举措
                """);
        assertEquals("广州市", byAlias.city());
        assertEquals("南沙区", byAlias.district());
    }

    @Test
    void aNameSharedByTwoProvincesGoesToTheOneTheReportsProvinceAndCitySupport() {
        // 中山区 is a district of 大连; 中山 is also 中山市 in Guangdong
        ReportMetadata dalian = metadata("""
                中山区人民政府2022年法治政府建设情况报告
                2022年,中山区在大连市委、市政府的领导下深入推进依法行政。
                一、主要举措
                """);
        assertEquals("大连市", dalian.city());
        assertEquals("中山区", dalian.district());
        // 海陵区 is in 泰州 (江苏); a Guangdong text about 海陵岛 is in 阳江
        ReportMetadata taizhou = metadata("""
                2022年,海陵区深入推进依法行政,落实江苏省和泰州市部署。
                一、主要举措
                """);
        assertEquals("泰州市", taizhou.city());
        assertEquals("海陵区", taizhou.district());
    }

    @Test
    void theYearIsTheYearCoveredNotTheYearPublished() {
        ReportMetadata m = metadata("""
                发布日期:2021-03-18
                一年来,我局在市委市政府领导下深入推进依法行政,2021年将继续推进。
                一、主要举措
                """);
        assertEquals(2020, m.year());
        assertEquals("2021-03-18", m.published());
        ReportMetadata covering = metadata("""
                发布日期:2021-03-18
                2020年以来,我局深入推进依法行政,2021年将继续推进。
                一、主要举措
                """);
        assertEquals(2020, covering.year());
        ReportMetadata titled = metadata("""
                江门市司法局2020年法治政府建设年度报告
                发布日期:2021-03-18
                现将2021年工作计划一并报告如下。
                一、主要举措
                """);
        assertEquals(2020, titled.year());
    }

    @Test
    void aTraditionalReportIsReadAfterConversion() {
        ReportMetadata m = metadata("""
                佛山市順德區市場監督管理局2021年法治政府建設年度報告
                2021年,我局堅持依法行政,全年辦理行政處罰案件126宗。
                一、主要舉措
                """);
        assertEquals("佛山市", m.city());
        assertEquals("顺德区", m.district());
        assertEquals("佛山市顺德区市场监督管理局", m.agency());
        assertEquals(2021, m.year());
    }

    @Test
    void theTitleIsItsOwnLineInAHardWrappedText() {
        String line = "我局认真贯彻落实法治政府建设实施纲要全面推进依法行政";
        StringBuilder b = new StringBuilder("阳西县自然资源局关于2021年度法治政府建设情况的报告\n现将有关情况报告如下:\n");
        for (int i = 0; i < 6; i++) {
            b.append(line).append('\n');
        }
        ReportMetadata m = metadata(b.toString());
        assertEquals("阳西县自然资源局关于2021年度法治政府建设情况的报告", m.title());
        assertEquals("阳西县自然资源局", m.agency());
        assertEquals("阳江市", m.city());
        assertEquals("阳西县", m.district());
    }
}
