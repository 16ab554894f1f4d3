package io.fazhi.aggregate;

import static io.fazhi.aggregate.TestEvents.metric;
import static io.fazhi.aggregate.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.infra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The read API on a known city: rollups with paging, sorting and CSV; cities; facts per cell and per report. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest {
    static final String LABEL = "法治宣传资料,\"七五\"普法";
    final String city = TestEvents.city("读取市");
    final String r1 = UUID.randomUUID().toString();
    final String r2 = UUID.randomUUID().toString();
    final String r3 = UUID.randomUUID().toString();
    final String r4 = UUID.randomUUID().toString();

    private static ReportInfo.Compliance parts(boolean other) {
        return new ReportInfo.Compliance(true, true, true, true, other);
    }

    @BeforeAll
    void load() throws Exception {
        List<SectionExtracted> events = new ArrayList<>();
        ReportInfo i1 = new ReportInfo("市司法局", city, null, "city", 2022, "2023-03-15", "年度报告", parts(true), List.of());
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
                        metric("100", "件", "行政许可", "admin_licensing", "全年办理行政许可100件，同比增长5%。"),
                        metric("2000", "份", LABEL, null),
                        metric("95", "%", "满意率", "satisfaction_rate"))));
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
                                "件",
                                MetricFact.MORE_THAN,
                                "行政许可",
                                "admin_licensing",
                                "count",
                                "件",
                                "50余件",
                                "办理行政许可50余件。",
                                77),
                        metric("85", "%", "满意率", "satisfaction_rate"))));
        ReportInfo i3 = new ReportInfo("蓬江区政府", city, "蓬江区", "district", 2022, null, null, parts(true), List.of());
        events.add(section(
                r3, 1, "e1", 0, 1, i3, "government_functions", List.of(metric("30", "件", "行政许可", "admin_licensing"))));
        ReportInfo i4 = new ReportInfo("市司法局", city, null, "city", 2023, "2024-03-01", null, parts(true), List.of());
        events.add(section(
                r4, 1, "e1", 0, 1, i4, "government_functions", List.of(metric("10", "件", "行政许可", "admin_licensing"))));
        TestEvents.sendAll(events);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        4,
                        TestEvents.count(
                                "SELECT count(*) FROM report WHERE report_id IN (?, ?, ?, ?) "
                                        + "AND current_revision IS NOT NULL",
                                r1,
                                r2,
                                r3,
                                r4)));
    }

    @Test
    void rollupsAreFilteredPagedAndSorted() {
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("sort", "sum,desc")
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("$", hasSize(3))
                .body("[0].label", equalTo(LABEL))
                .body("[0].sum", equalTo(2000))
                .body("[1].metricKey", equalTo("admin_licensing"))
                .body("[1].sum", equalTo(180))
                .body("[1].observations", equalTo(3))
                .body("[1].reports", equalTo(3))
                .body("[1].agencies", equalTo(3))
                .body("[1].lowerBound", equalTo(true))
                .body("[1].district", nullValue())
                .body("[2].metricKey", equalTo("satisfaction_rate"))
                .body("[2].sum", nullValue())
                .body("[2].mean", equalTo(90));
        // page 1 of size 1, sorted by observations then by sum descending
        given().queryParam("city", city)
                .queryParam("year", "2022")
                .queryParam("sort", "observations,desc")
                .queryParam("sort", "sum")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("$", hasSize(1))
                .body("[0].metricKey", equalTo("satisfaction_rate"));
        given().queryParam("city", city)
                .queryParam("district", "新会区")
                .queryParam("metricKey", "admin_licensing")
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].district", equalTo("新会区"))
                .body("[0].sum", equalTo(50))
                .body("[0].lowerBound", equalTo(true));
        // the trend of one metric over the years
        given().queryParam("city", city)
                .queryParam("metricKey", "admin_licensing")
                .queryParam("sort", "year")
                .get("/api/v1/rollups")
                .then()
                .body("year", equalTo(List.of(2022, 2023)))
                .body("sum", equalTo(List.of(180, 10)));
    }

    @Test
    void rollupsAsCsv() {
        String csv = given().accept("text/csv")
                .queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("sort", "sum,desc")
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("X-Total-Count", "3")
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertEquals(
                "city,year,district,category,metricKey,label,unit,observations,reports,agencies,sum,min,max,"
                        + "mean,lowerBound",
                lines[0]);
        assertEquals(
                city + ",2022,,government_functions,,\"法治宣传资料,\"\"七五\"\"普法\",份,1,1,1,2000,2000,2000," + "2000,false",
                lines[1]);
        assertEquals(city + ",2022,,government_functions,admin_licensing,,件,3,3,3,180,30,100,60,true", lines[2]);
        assertEquals(city + ",2022,,government_functions,satisfaction_rate,,%,2,2,2,,85,95,90,false", lines[3]);
        // JSON stays the default, and format=csv works from a plain link
        given().accept("application/json, text/csv;q=0.5")
                .queryParam("city", city)
                .get("/api/v1/rollups")
                .then()
                .contentType(startsWith("application/json"));
        given().queryParam("city", city)
                .queryParam("format", "csv")
                .get("/api/v1/rollups")
                .then()
                .contentType(startsWith("text/csv"))
                .body(startsWith("city,year,"));
    }

    @Test
    void citiesCountReportsAgenciesAndCompliance() {
        given().queryParam("city", city)
                .get("/api/v1/cities")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].city", equalTo(city))
                .body("[0].reports", equalTo(4))
                .body("[0].agencies", equalTo(3))
                .body("[0].compliance.complete", equalTo(3))
                .body("[0].years.year", equalTo(List.of(2022, 2023)))
                .body("[0].years[0].reports", equalTo(3))
                .body("[0].years[0].agencies", equalTo(3))
                .body("[0].years[0].districts", equalTo(2))
                .body("[0].years[0].metrics", equalTo(6))
                .body("[0].years[0].compliance.complete", equalTo(2))
                .body("[0].years[0].compliance.otherMatters", equalTo(2))
                .body("[0].years[0].compliance.publishedKnown", equalTo(2))
                .body("[0].years[0].compliance.publishedOnTime", equalTo(1))
                .body("[0].years[1].compliance.publishedOnTime", equalTo(1));
        String csv = given().accept("text/csv")
                .queryParam("city", city)
                .get("/api/v1/cities")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                List.of(
                        "city,year,reports,agencies,districts,metrics,complete,measuresAndResults,shortcomings,"
                                + "leadersDuties,nextYearPlans,otherMatters,publishedKnown,publishedOnTime",
                        city + ",2022,3,3,2,6,2,3,3,3,3,2,2,1",
                        city + ",2023,1,1,0,1,1,1,1,1,1,1,1,1"),
                List.of(csv.split("\r\n")));
        // the unfiltered list holds this city among the others
        List<String> all = given().get("/api/v1/cities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("city");
        assertTrue(all.contains(city));
    }

    @Test
    void theFactsBehindACellCarryReportAgencyAndSentence() {
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("metricKey", "admin_licensing")
                .queryParam("unit", "件")
                .get("/api/v1/facts")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("value", equalTo(List.of(100, 50, 30)))
                .body("agency", equalTo(List.of("市司法局", "新会区司法局", "蓬江区政府")))
                .body("reportId", equalTo(List.of(r1, r2, r3)))
                .body("[0].sentence", equalTo("全年办理行政许可100件，同比增长5%。"))
                .body("[0].sectionHeading", equalTo("(一)依法全面履行政府职能"))
                .body("[1].approx", equalTo("more_than"))
                .body("[1].surface", equalTo("50余件"))
                .body("[1].offset", equalTo(77));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("metricKey", "admin_licensing")
                .queryParam("district", "蓬江区")
                .get("/api/v1/facts")
                .then()
                .body("reportId", equalTo(List.of(r3)));
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("metricKey", "admin_licensing")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/facts")
                .then()
                .header("X-Total-Count", "3")
                .body("value", equalTo(List.of(50)));
        // a per-label cell: metrics without a key
        given().queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("label", LABEL)
                .get("/api/v1/facts")
                .then()
                .body("$", hasSize(1))
                .body("[0].value", equalTo(2000))
                .body("[0].metricKey", nullValue());
        String csv = given().accept("text/csv")
                .queryParam("city", city)
                .queryParam("year", 2022)
                .queryParam("unit", "%")
                .get("/api/v1/facts")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                csv.startsWith("reportId,revision,extractorVersion,agency,city,district,level,year,category,"
                        + "sectionHeading,sectionPath,metricKey,label,value,unit,approx,surface,sentence,offset\r\n"),
                csv);
        assertEquals(3, csv.split("\r\n").length, csv);
    }

    @Test
    void aReportWithMetadataComplianceAndSections() {
        given().get("/api/v1/facts/" + r2)
                .then()
                .statusCode(200)
                .body("reportId", equalTo(r2))
                .body("revision", equalTo(1))
                .body("extractorVersion", equalTo("e1"))
                .body("agency", equalTo("新会区司法局"))
                .body("district", equalTo("新会区"))
                .body("level", equalTo("district"))
                .body("year", equalTo(2022))
                .body("published", equalTo("2023-04-10"))
                .body("compliance.measuresAndResults", equalTo(true))
                .body("compliance.otherMatters", equalTo(false))
                .body("complianceComplete", equalTo(false))
                .body("publishedOnTime", equalTo(false))
                .body("warnings", equalTo(List.of("上传的年份与正文不符")))
                .body("sections", hasSize(1))
                .body("sections[0].level", equalTo(0))
                .body("sections[0].path", equalTo(""))
                .body("sections[0].metrics[0].approx", equalTo("more_than"))
                .body("sections[0].metrics[0].metricKey", equalTo("admin_licensing"))
                .body("sections[0].metrics[0].surface", equalTo("50余件"))
                .body("sections[0].metrics[0].offset", equalTo(77));
        given().get("/api/v1/facts/" + r1)
                .then()
                .body("complianceComplete", equalTo(true))
                .body("publishedOnTime", equalTo(true))
                .body("sections[1].heading", equalTo("(一)依法全面履行政府职能"))
                .body("sections[1].path", equalTo("1.1"))
                .body("sections[1].level", equalTo(2));
        String csv = given().accept("text/csv")
                .get("/api/v1/facts/" + r1)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertEquals(4, csv.split("\r\n").length, csv);
        given().get("/api/v1/facts/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
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
        bad("/api/v1/rollups?sort=sum;drop table rollup", "sort");
        bad("/api/v1/rollups?category=nope", "category");
        bad("/api/v1/rollups?metricKey=Bad-Key", "metricKey");
        bad("/api/v1/rollups?format=xml", "format");
        bad("/api/v1/facts?year=2022", "city");
        bad("/api/v1/facts?city=x&size=501", "size");
        given().accept("text/csv")
                .get("/api/v1/rollups?year=x")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theServiceCountsWhatItDoes() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("fazhi_events_processed_total{outcome=\"applied\"}"), metrics);
        assertTrue(metrics.contains("fazhi_events_processed_total{outcome=\"duplicate\"}"));
        assertTrue(metrics.contains("fazhi_rollup_transaction_seconds_count"));
        assertTrue(metrics.contains("fazhi_reports_aggregated_total"));
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
