package io.fazhi.aggregate.api;

import static io.fazhi.aggregate.support.TestEvents.metric;
import static io.fazhi.aggregate.support.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.contracts.Indicators;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read API on a known city: rollups by indicator with paging and sorting, CSV that Excel opens, .xlsx read back,
 * cities, facts per cell, by label and per report, the comparison of agencies and districts with the previous year.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest {
    static final String SENTENCE = "全年发放法治宣传资料2000份,其中\"七五\"普法读本500份。";
    final String city = TestEvents.city("读取市");
    final String r1 = TestEvents.id();
    final String r2 = TestEvents.id();
    final String r3 = TestEvents.id();
    final String r4 = TestEvents.id();
    final String r5 = TestEvents.id();
    final String r6 = TestEvents.id();

    private static ReportInfo.Compliance parts(boolean other) {
        return new ReportInfo.Compliance(true, true, true, true, other);
    }

    private ReportInfo info(String agency, String district, int year, String published, boolean other) {
        return new ReportInfo(
                agency,
                city,
                district,
                district == null ? "bureau" : "district",
                year,
                published,
                "年度报告",
                parts(other),
                List.of());
    }

    @BeforeAll
    void load() throws Exception {
        List<SectionExtracted> events = new ArrayList<>();
        ReportInfo i1 = info("市司法局", null, 2022, "2023-03-15", true);
        events.add(section(r1, 1, "e1", 0, 2, i1, "other", List.of()));
        events.add(section(
                r1,
                1,
                "e1",
                1,
                2,
                i1,
                "government_functions",
                List.of(
                        metric("100", "件", "件", "行政许可", "licensing_handled", null, "全年办理行政许可100件，同比增长5%。"),
                        metric("2000", "份", "份", "宣传资料", "publicity_materials", null, SENTENCE),
                        metric("95", "%", "满意率", "satisfaction_rate"),
                        metric("7", "个", "个", "城市中排第", null, null, "在全省城市中排第7个。"))));
        ReportInfo i2 = new ReportInfo(
                "新会区司法局", city, "新会区", "district", 2022, "2023-04-10", null, parts(false), List.of("上传的年份与正文不符"));
        events.add(section(
                r2,
                1,
                "e1",
                0,
                1,
                i2,
                "government_functions",
                List.of(
                        new MetricFact(
                                new BigDecimal("50"),
                                "宗",
                                MetricFact.MORE_THAN,
                                "行政许可",
                                "licensing_handled",
                                "count",
                                "件",
                                "50余宗",
                                "办理行政许可50余宗。",
                                77),
                        metric("85", "%", "满意率", "satisfaction_rate"))));
        events.add(section(
                r3,
                1,
                "e1",
                0,
                1,
                info("蓬江区政府", "蓬江区", 2022, null, true),
                "government_functions",
                List.of(metric("30", "件", "行政许可", "licensing_handled"))));
        events.add(section(
                r4,
                1,
                "e1",
                0,
                1,
                info("市司法局", null, 2023, "2024-03-01", true),
                "government_functions",
                List.of(metric("10", "件", "行政许可", "licensing_handled"))));
        events.add(section(
                r5,
                1,
                "e1",
                0,
                1,
                info("市司法局", null, 2021, "2022-03-01", true),
                "government_functions",
                List.of(metric("80", "件", "行政许可", "licensing_handled"))));
        events.add(section(
                r6,
                1,
                "e1",
                0,
                1,
                info("新会区司法局", "新会区", 2021, "2022-03-01", true),
                "government_functions",
                List.of(metric("60", "件", "行政许可", "licensing_handled"))));
        TestEvents.sendAll(events);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestEvents.current(List.of(r1, r2, r3, r4, r5, r6)) == 6);
    }

    @Test
    void rollupsAreByIndicatorFilteredPagedAndSorted() {
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("sort", "sum,desc")
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("$", hasSize(3))
                .body("[0].indicator", equalTo("publicity_materials"))
                .body("[0].indicatorName", equalTo("宣传资料"))
                .body("[0].sum", equalTo(2000))
                .body("[1].indicator", equalTo("licensing_handled"))
                .body("[1].indicatorName", equalTo("行政许可办件"))
                .body("[1].unit", equalTo("件"))
                .body("[1].sum", equalTo(180))
                .body("[1].observations", equalTo(3))
                .body("[1].reports", equalTo(3))
                .body("[1].agencies", equalTo(3))
                .body("[1].lowerBound", equalTo(true))
                .body("[1].district", nullValue())
                .body("[2].indicator", equalTo("satisfaction_rate"))
                .body("[2].sum", nullValue())
                .body("[2].mean", equalTo(90));
        // without a sort: the city's order of indicators
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .get("/api/v1/rollups")
                .then()
                .body(
                        "indicator",
                        equalTo(inCityOrder("licensing_handled", "publicity_materials", "satisfaction_rate")));
        given().queryParam("city", city)
                .queryParam("year", "2022")
                .queryParam("sort", "observations,desc")
                .queryParam("sort", "sum")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/rollups")
                .then()
                .header("X-Total-Count", "3")
                .body("$", hasSize(1))
                .body("[0].indicator", equalTo("satisfaction_rate"));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("district", "新会区")
                .queryParam("indicator", "licensing_handled")
                .get("/api/v1/rollups")
                .then()
                .body("$", hasSize(1))
                .body("[0].district", equalTo("新会区"))
                .body("[0].sum", equalTo(50))
                .body("[0].lowerBound", equalTo(true));
        given().queryParam("city", city)
                .queryParam("indicator", "licensing_handled")
                .queryParam("sort", "year")
                .get("/api/v1/rollups")
                .then()
                .body("year", equalTo(List.of(2021, 2022, 2023)))
                .body("sum", equalTo(List.of(140, 180, 10)));
    }

    @Test
    void csvOpensInExcelWithEnglishOrChineseHeaders() {
        byte[] bytes = given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("format", "csv")
                .queryParam("sort", "sum,desc")
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("X-Total-Count", "3")
                .header("Content-Disposition", startsWith("attachment; filename=\"rollups.csv\"; filename*=UTF-8''"))
                .header("Content-Disposition", containsString(URLEncoder.encode(city, StandardCharsets.UTF_8)))
                .extract()
                .asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "BOM");
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(4, lines.length);
        assertEquals(
                "city,year,district,indicator,indicatorName,unit,observations,reports,agencies,sum,min,max,mean,lowerBound",
                lines[0]);
        assertEquals(city + ",2022,,licensing_handled,行政许可办件,件,3,3,3,180,30,100,60,true", lines[2]);
        assertEquals(city + ",2022,,satisfaction_rate,满意率,%,2,2,2,,85,95,90,false", lines[3]);
        // Chinese headers on request, or when the browser's language is Chinese
        for (var spec : List.of(
                given().queryParam("headers", "zh"), given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))) {
            String zh = spec.accept("text/csv")
                    .queryParam("city", city)
                    .queryParam("year", 2022)
                    .queryParam("sort", "sum,desc")
                    .get("/api/v1/rollups")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString(); // charset=UTF-8: the BOM stays as U+FEFF
            String[] zhLines = zh.split("\r\n");
            assertEquals("\uFEFF城市,年度,区县,指标代码,指标,单位,数据条数,报告数,机构数,合计,最小值,最大值,平均值,含下限值", zhLines[0]);
            assertTrue(zhLines[2].endsWith(",是"), zhLines[2]);
        }
        // facts: a sentence with a comma and quotes is one quoted field
        String facts = given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "publicity_materials")
                .queryParam("format", "csv")
                .get("/api/v1/facts")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(facts.contains(",\"全年发放法治宣传资料2000份,其中\"\"七五\"\"普法读本500份。\","), facts);
        given().accept("application/json, text/csv;q=0.5")
                .queryParam("city", city)
                .get("/api/v1/rollups")
                .then()
                .contentType(startsWith("application/json"));
    }

    @Test
    void xlsxExportsReadBack() throws Exception {
        byte[] rollups = given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("format", "xlsx")
                .queryParam("headers", "zh")
                .queryParam("sort", "sum,desc")
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", containsString("rollups.xlsx"))
                .extract()
                .asByteArray();
        List<Row> rows = read(rollups);
        assertEquals(4, rows.size());
        assertEquals("指标", rows.get(0).getCellText(4));
        assertEquals("行政许可办件", rows.get(2).getCellText(4));
        assertEquals(new BigDecimal("180"), rows.get(2).getCellAsNumber(9).orElseThrow());

        byte[] facts = given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("format", "xlsx")
                .get("/api/v1/facts")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<Row> factRows = read(facts);
        assertEquals(4, factRows.size());
        assertEquals("sentence", factRows.get(0).getCellText(20));
        assertEquals("全年办理行政许可100件，同比增长5%。", factRows.get(1).getCellText(20));
        assertEquals(new BigDecimal("100"), factRows.get(1).getCellAsNumber(14).orElseThrow());
    }

    private static List<Row> read(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void citiesCountReportsAgenciesAndCompliance() {
        given().queryParam("city", city)
                .get("/api/v1/cities")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].reports", equalTo(6))
                .body("[0].agencies", equalTo(3))
                .body("[0].years.year", equalTo(List.of(2021, 2022, 2023)))
                .body("[0].years[1].reports", equalTo(3))
                .body("[0].years[1].agencies", equalTo(3))
                .body("[0].years[1].districts", equalTo(2))
                .body("[0].years[1].metrics", equalTo(7))
                .body("[0].years[1].compliance.complete", equalTo(2))
                .body("[0].years[1].compliance.otherMatters", equalTo(2))
                .body("[0].years[1].compliance.publishedKnown", equalTo(2))
                .body("[0].years[1].compliance.publishedOnTime", equalTo(1));
        String csv = given().accept("text/csv")
                .queryParam("city", city)
                .get("/api/v1/cities")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(city + ",2022,3,3,2,7,2,3,3,3,3,2,2,1", csv.split("\r\n")[2]);
    }

    @Test
    void theFactsBehindACellCarryReportAgencyAndSentence() {
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("unit", "件")
                .get("/api/v1/facts")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("value", equalTo(List.of(100, 50, 30)))
                .body("agency", equalTo(List.of("市司法局", "新会区司法局", "蓬江区政府")))
                .body("reportId", equalTo(List.of(r1, r2, r3)))
                .body("[0].indicatorName", equalTo("行政许可办件"))
                .body("[0].sentence", equalTo("全年办理行政许可100件，同比增长5%。"))
                .body("[0].sectionHeading", equalTo("(一)依法全面履行政府职能"))
                .body("[1].unit", equalTo("宗"))
                .body("[1].rollupUnit", equalTo("件"))
                .body("[1].approx", equalTo("more_than"))
                .body("[1].surface", equalTo("50余宗"))
                .body("[1].offset", equalTo(77));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("district", "蓬江区")
                .get("/api/v1/facts")
                .then()
                .body("reportId", equalTo(List.of(r3)));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("agency", "新会区司法局")
                .get("/api/v1/facts")
                .then()
                .body("reportId", equalTo(List.of(r2)));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/facts")
                .then()
                .header("X-Total-Count", "3")
                .body("value", equalTo(List.of(50)));
        // found by its label, with or without an indicator
        given().queryParam("city", city)
                .queryParam("label", "许可")
                .get("/api/v1/facts")
                .then()
                .header("X-Total-Count", "6");
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "none")
                .get("/api/v1/facts")
                .then()
                .body("$", hasSize(1))
                .body("[0].label", equalTo("城市中排第"))
                .body("[0].indicator", nullValue());
        given().queryParam("city", city)
                .queryParam("label", "100%_")
                .get("/api/v1/facts")
                .then()
                .body("$", hasSize(0)); // % and _ match themselves
    }

    @Test
    void aReportWithMetadataComplianceAndSections() {
        given().get("/api/v1/facts/" + r2)
                .then()
                .statusCode(200)
                .body("reportId", equalTo(r2))
                .body("withdrawn", equalTo(false))
                .body("agency", equalTo("新会区司法局"))
                .body("district", equalTo("新会区"))
                .body("year", equalTo(2022))
                .body("published", equalTo("2023-04-10"))
                .body("compliance.otherMatters", equalTo(false))
                .body("complianceComplete", equalTo(false))
                .body("publishedOnTime", equalTo(false))
                .body("warnings", equalTo(List.of("上传的年份与正文不符")))
                .body("sections", hasSize(1))
                .body("sections[0].metrics[0].indicator", equalTo("licensing_handled"))
                .body("sections[0].metrics[0].indicatorName", equalTo("行政许可办件"))
                .body("sections[0].metrics[0].rollupUnit", equalTo("件"))
                .body("sections[0].metrics[0].surface", equalTo("50余宗"));
        given().get("/api/v1/facts/" + r1)
                .then()
                .body("complianceComplete", equalTo(true))
                .body("publishedOnTime", equalTo(true))
                .body("sections[1].heading", equalTo("(一)依法全面履行政府职能"))
                .body("sections[1].path", equalTo("1.1"));
        String csv = given().queryParam("format", "csv")
                .get("/api/v1/facts/" + r1)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(5, csv.split("\r\n").length, csv);
        given().get("/api/v1/facts/" + TestEvents.id()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void agenciesAndDistrictsCompareWithThePreviousYear() {
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .get("/api/v1/comparison")
                .then()
                .statusCode(200)
                .body("indicatorName", equalTo("行政许可办件"))
                .body("unit", equalTo("件"))
                .body("units", equalTo(List.of("件")))
                .body("by", equalTo("AGENCY"))
                .body("additive", equalTo(true))
                .body("rows.name", equalTo(List.of("市司法局", "新会区司法局", "蓬江区政府")))
                .body("rows.rank", equalTo(List.of(1, 2, 3)))
                .body("rows.district", equalTo(Arrays.asList(null, "新会区", "蓬江区")))
                .body("rows.value", equalTo(List.of(100, 50, 30)))
                .body("rows.previous", equalTo(Arrays.asList(80, 60, null)))
                .body("rows.change", equalTo(Arrays.asList(20, -10, null)))
                .body("rows[0].changeRatio", equalTo(0.25f))
                .body("rows[1].lowerBound", equalTo(true));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("by", "district")
                .get("/api/v1/comparison")
                .then()
                .body("rows.name", equalTo(Arrays.asList(null, "新会区", "蓬江区")))
                .body("rows.value", equalTo(List.of(100, 50, 30)))
                .body("rows.previous", equalTo(Arrays.asList(80, 60, null)));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "satisfaction_rate")
                .get("/api/v1/comparison")
                .then()
                .body("additive", equalTo(false))
                .body("rows.value", equalTo(List.of(95, 85)));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "fines")
                .get("/api/v1/comparison")
                .then()
                .statusCode(200)
                .body("rows", hasSize(0));
        String csv = given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("indicator", "licensing_handled")
                .queryParam("format", "csv")
                .queryParam("headers", "zh")
                .get("/api/v1/comparison")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals("\uFEFF城市,年度,指标代码,指标,单位,排名,机构或区县,所在区县,报告数,数据条数,本年,上年,增减,增减比例,含下限值", lines[0]);
        assertEquals(city + ",2022,licensing_handled,行政许可办件,件,1,市司法局,,1,1,100,80,20,0.2500,否", lines[1]);
    }

    @Test
    void theIndicatorsAreListedInTheCitysOrder() {
        given().get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body("$", hasSize(Indicators.ALL.size()))
                .body("[0].id", equalTo(Indicators.ALL.get(0).id()))
                .body("find { it.id == 'funding' }.name", equalTo("资金"))
                .body("find { it.id == 'funding' }.additive", equalTo(true))
                .body("find { it.id == 'satisfaction_rate' }.additive", equalTo(false));
    }

    @Test
    void badParametersAreNamed() {
        bad("/api/v1/rollups?year=abc", "year");
        bad("/api/v1/rollups?year=1800", "year");
        bad("/api/v1/rollups?size=0", "size");
        bad("/api/v1/rollups?size=5000", "size");
        bad("/api/v1/rollups?page=-1", "page");
        bad("/api/v1/rollups?sort=foo,desc", "sort");
        bad("/api/v1/rollups?sort=sum,down", "sort");
        bad("/api/v1/rollups?indicator=admin_licensing", "indicator");
        bad("/api/v1/rollups?format=xml", "format");
        bad("/api/v1/rollups?format=csv&headers=fr", "headers");
        bad("/api/v1/facts?year=2022", "city");
        bad("/api/v1/facts?city=x&size=501", "size");
        bad("/api/v1/facts?city=x&category=nope", "category");
        bad("/api/v1/comparison?city=x&year=2022", "indicator");
        bad("/api/v1/comparison?city=x&indicator=fines", "year");
        bad("/api/v1/comparison?city=x&year=2022&indicator=fines&by=bureau", "by");
    }

    @Test
    void theRecomputeIsForOperators() {
        given().post("/api/v1/maintenance/recompute").then().statusCode(401);
        given().header("Authorization", Tokens.agency("市司法局"))
                .post("/api/v1/maintenance/recompute")
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.operator())
                .post("/api/v1/maintenance/recompute")
                .then()
                .statusCode(200)
                .body("cells", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void theServiceCountsWhatItDoes() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("fazhi_events_processed_total{outcome=\"applied\"}"), metrics);
        assertTrue(metrics.contains("fazhi_events_processed_total{outcome=\"duplicate\"}"));
        assertTrue(metrics.contains("fazhi_rollup_transaction_seconds_count"));
        assertTrue(metrics.contains("fazhi_reports_aggregated_total"));
        assertTrue(metrics.contains("fazhi_consumer_batch_events_count"));
    }

    private static List<String> inCityOrder(String... ids) {
        List<String> order = Indicators.ids();
        return Arrays.stream(ids)
                .sorted((a, b) -> order.indexOf(a) - order.indexOf(b))
                .toList();
    }

    private static void bad(String url, String parameter) {
        given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("'" + parameter + "'"))
                .body("errors[0].field", equalTo(parameter));
    }
}
