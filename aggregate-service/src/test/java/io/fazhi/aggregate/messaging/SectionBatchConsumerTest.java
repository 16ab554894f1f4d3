package io.fazhi.aggregate.messaging;

import static io.fazhi.aggregate.support.TestEvents.info;
import static io.fazhi.aggregate.support.TestEvents.metric;
import static io.fazhi.aggregate.support.TestEvents.report;
import static io.fazhi.aggregate.support.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.support.RollupChecks;
import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.aggregate.support.TopicRecords;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Section events through Kafka into the rollups: a revision counts only when whole, a redelivery changes nothing
 * and resends AGGREGATED, a new revision replaces the old one, a withdrawal (or merge) takes a report out and a later
 * revision brings it back, metrics without an indicator (and schema 1 events) are facts but no cells, and only the
 * poison record of a batch is dead-lettered.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class SectionBatchConsumerTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRevisionCountsOnlyWhenWholeAndARedeliveryChangesNothing() throws Exception {
        String city = TestEvents.city("整份市");
        String id = TestEvents.id();
        ReportInfo info = info("新会区科工商务局", city, "新会区", 2019);
        SectionExtracted s0 = section(id, 1, "e1", 0, 3, info, "other", List.of());
        SectionExtracted s1 = section(
                id,
                1,
                "e1",
                1,
                3,
                info,
                "government_functions",
                List.of(metric("168", "件", "件", "外资备案手续", "licensing_handled", null, "办理外资备案手续168件。")));
        SectionExtracted s2 = section(
                id,
                1,
                "e1",
                2,
                3,
                info,
                "government_functions",
                List.of(metric(
                        "583", "份", "份", "原产地证明书", "licensing_handled", MetricFact.MORE_THAN, "签发原产地证明书583余份。")));
        TestEvents.sendAll(List.of(s1, s2));
        await().atMost(WAIT)
                .until(() -> TestEvents.count(
                                "SELECT coalesce(max(sections_received), 0) FROM report_revision WHERE report_id = ?",
                                id)
                        == 2);
        given().queryParam("city", city)
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().get("/api/v1/facts/" + id).then().statusCode(404).contentType("application/problem+json");

        TestEvents.send(s0);
        awaitCells(city, 2);
        given().queryParam("city", city)
                .queryParam("unit", "件")
                .get("/api/v1/rollups")
                .then()
                .body("[0].indicator", equalTo("licensing_handled"))
                .body("[0].indicatorName", equalTo("行政许可办件"))
                .body("[0].sum", equalTo(168))
                .body("[0].district", nullValue());
        given().queryParam("city", city)
                .queryParam("district", "新会区")
                .queryParam("unit", "份")
                .get("/api/v1/rollups")
                .then()
                .body("[0].lowerBound", equalTo(true))
                .body("[0].district", equalTo("新会区"));
        await().atMost(WAIT).until(() -> aggregated(id) == 1);

        // a redelivery of the whole revision: nothing changes, AGGREGATED is sent again (once for the batch)
        TestEvents.sendAll(List.of(s0, s1, s2));
        await().atMost(WAIT).until(() -> aggregated(id) >= 2);
        assertEquals(
                List.of(List.of("3")),
                TestEvents.rows(
                        "SELECT coalesce(max(sections_received), 0) FROM report_revision WHERE report_id = ?", id));
        given().queryParam("city", city)
                .queryParam("unit", "件")
                .get("/api/v1/rollups")
                .then()
                .body("[0].sum", equalTo(168))
                .body("[0].observations", equalTo(1));
        RollupChecks.assertRollupsEqualFacts(city);
    }

    @Test
    void aNewRevisionReplacesTheOldOneInEveryRollup() throws Exception {
        String city = TestEvents.city("修订市");
        String a = TestEvents.id();
        String b = TestEvents.id();
        TestEvents.sendAll(List.of(
                report(
                        a,
                        1,
                        info("甲局", city, "新会区", 2019),
                        List.of(metric("100", "件", "行政复议", "reconsideration_cases"))),
                report(
                        b,
                        1,
                        info("乙局", city, null, 2019),
                        List.of(metric("50", "件", "行政复议", "reconsideration_cases")))));
        await().atMost(WAIT).untilAsserted(() -> assertCell(city, null, "150", 2));
        assertCell(city, "新会区", "100", 1);

        // revision 2 of report a corrects the figure and moves it to another district
        TestEvents.send(report(
                a, 2, info("甲局", city, "蓬江区", 2019), List.of(metric("120", "件", "行政复议", "reconsideration_cases"))));
        await().atMost(WAIT).untilAsserted(() -> assertCell(city, null, "170", 2));
        assertCell(city, "蓬江区", "120", 1);
        given().queryParam("city", city)
                .queryParam("district", "新会区")
                .get("/api/v1/rollups")
                .then()
                .body("$", hasSize(0));

        // a late redelivery of revision 1 does not bring it back
        TestEvents.send(report(
                a, 1, info("甲局", city, "新会区", 2019), List.of(metric("100", "件", "行政复议", "reconsideration_cases"))));
        await().atMost(WAIT).until(() -> aggregated(a) >= 3);
        assertCell(city, null, "170", 2);
        given().get("/api/v1/facts/" + a).then().body("revision", equalTo(2));
        RollupChecks.assertRollupsEqualFacts(city);
    }

    @Test
    void ratesHaveNoSumAndUnitsThatMeanTheSameRollUpTogether() throws Exception {
        String city = TestEvents.city("比率市");
        TestEvents.sendAll(List.of(
                report(
                        TestEvents.id(),
                        1,
                        info("甲局", city, null, 2020),
                        List.of(
                                metric("95", "%", "满意率", "satisfaction_rate"),
                                metric("12", "场", "场次", "法治讲座", "training_sessions", null, "举办法治讲座12场。"))),
                report(
                        TestEvents.id(),
                        1,
                        info("乙局", city, null, 2020),
                        List.of(
                                metric("85", "%", "满意率", "satisfaction_rate"),
                                metric("3", "场次", "场次", "培训班", "training_sessions", null, "举办培训班3场次。")))));
        awaitCells(city, 2);
        given().queryParam("city", city)
                .queryParam("indicator", "satisfaction_rate")
                .get("/api/v1/rollups")
                .then()
                .body("[0].sum", nullValue())
                .body("[0].min", equalTo(85))
                .body("[0].max", equalTo(95))
                .body("[0].mean", equalTo(90))
                .body("[0].reports", equalTo(2));
        given().queryParam("city", city)
                .queryParam("indicator", "training_sessions")
                .get("/api/v1/rollups")
                .then()
                .body("$", hasSize(1))
                .body("[0].unit", equalTo("场次"))
                .body("[0].sum", equalTo(15));
    }

    @Test
    void metricsWithoutAnIndicatorAreFactsFoundByTheirLabelButNoCells() throws Exception {
        String city = TestEvents.city("事实市");
        String withIndicator = TestEvents.id();
        String v1 = TestEvents.id();
        TestEvents.send(report(
                withIndicator,
                1,
                info("甲局", city, null, 2021),
                List.of(
                        metric("218", "项", "行政许可事项", "licensing_items"),
                        metric("7", "个", "个", "城市中排第", null, null, "在全省城市中排第7个。"))));
        // a schema 1 event: its metric has a metricKey but no indicator and no unit kind
        String json = """
                {"schemaVersion":1,"eventId":"%1$s/1/old/0","reportId":"%1$s","revision":1,"sectionIndex":0,
                 "sectionCount":1,"extractorVersion":"old",
                 "report":{"agency":"乙局","city":"%2$s","year":2021},
                 "section":{"heading":null,"level":0,"path":"","category":"other","offset":0},
                 "metrics":[{"value":30,"unit":"宗","approx":null,"label":"行政许可办件","metricKey":"admin_licensing",
                             "surface":"30宗","sentence":"办理行政许可30宗。","offset":9}]}
                """.formatted(v1, city);
        TestEvents.sendRaw(List.<String[]>of(new String[] {v1, json}));
        await().atMost(WAIT).until(() -> TestEvents.current(List.of(withIndicator, v1)) == 2);

        given().queryParam("city", city)
                .get("/api/v1/rollups")
                .then()
                .body("$", hasSize(1))
                .body("[0].indicator", equalTo("licensing_items"));
        given().queryParam("city", city)
                .queryParam("label", "排第")
                .get("/api/v1/facts")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].indicator", nullValue())
                .body("[0].sentence", equalTo("在全省城市中排第7个。"))
                .body("[0].reportId", equalTo(withIndicator));
        given().queryParam("city", city)
                .queryParam("indicator", "none")
                .get("/api/v1/facts")
                .then()
                .body("$", hasSize(2))
                .body("label", equalTo(List.of("行政许可办件", "城市中排第")))
                .body("[0].unitKind", nullValue());
        given().get("/api/v1/cities?city=" + city).then().body("[0].metrics", equalTo(3));
        RollupChecks.assertRollupsEqualFacts(city);
    }

    @Test
    void aWithdrawalOrMergeTakesTheReportOutAndALaterRevisionBringsItBack() throws Exception {
        String city = TestEvents.city("撤回市");
        String kept = TestEvents.id();
        String copy = TestEvents.id();
        ReportInfo a = info("司法局", city, "新会区", 2022);
        List<MetricFact> metrics = List.of(metric("40", "件", "行政复议", "reconsideration_cases"));
        TestEvents.sendAll(List.of(report(kept, 1, a, metrics), report(copy, 1, a, metrics)));
        await().atMost(WAIT).untilAsserted(() -> assertCell(city, null, "80", 2));

        // the copy is merged into the report it duplicates: its revision 2 withdraws it
        TestEvents.send(TestEvents.withdrawal(copy, 2, a));
        await().atMost(WAIT).untilAsserted(() -> assertCell(city, null, "40", 1));
        given().queryParam("city", city)
                .get("/api/v1/cities")
                .then()
                .body("[0].reports", equalTo(1))
                .body("[0].years[0].districts", equalTo(1));
        given().get("/api/v1/facts/" + copy)
                .then()
                .statusCode(200)
                .body("withdrawn", equalTo(true))
                .body("sections[0].metrics", hasSize(0))
                .body("extractions.withdrawn", equalTo(List.of(false, true)));
        RollupChecks.assertRollupsEqualFacts(city);

        // split again: revision 3 brings it back
        TestEvents.send(report(copy, 3, a, List.of(metric("45", "件", "行政复议", "reconsideration_cases"))));
        await().atMost(WAIT).untilAsserted(() -> assertCell(city, null, "85", 2));
        RollupChecks.assertRollupsEqualFacts(city);
        RollupChecks.assertIncrementalEqualsRecompute();
    }

    @Test
    void onlyThePoisonRecordsOfABatchAreDeadLettered() throws Exception {
        String city = TestEvents.city("毒丸市");
        String good1 = TestEvents.id();
        String good2 = TestEvents.id();
        String nul = TestEvents.id();
        String garbage = "garbage-" + TestEvents.id();
        String tooNew = TestEvents.id();
        ReportInfo info = info("甲局", city, null, 2023);
        SectionExtracted rejected =
                report(nul, 1, info, List.of(metric("9", "件", "件", "案件", "penalty_cases", null, "句子里有\u0000字符。")));
        String schema3 = TestEvents.json(report(tooNew, 1, info, List.of()))
                .replace("\"schemaVersion\":2", "\"schemaVersion\":3");
        // one partition, in this order, so that they share a poll
        TestEvents.sendRaw(
                0,
                List.of(
                        new String[] {
                            good1,
                            TestEvents.json(report(good1, 1, info, List.of(metric("5", "件", "处罚", "penalty_cases"))))
                        },
                        new String[] {nul, TestEvents.json(rejected)},
                        new String[] {garbage, "{not json"},
                        new String[] {tooNew, schema3},
                        new String[] {
                            good2,
                            TestEvents.json(report(good2, 1, info, List.of(metric("7", "件", "处罚", "penalty_cases"))))
                        }));
        await().atMost(WAIT).until(() -> TestEvents.current(List.of(good1, good2)) == 2);
        await().atMost(WAIT)
                .until(() -> TopicRecords.keys(Topics.SECTIONS_DLQ).containsAll(Set.of(nul, garbage, tooNew)));
        Set<String> dead = TopicRecords.all(Topics.SECTIONS_DLQ).stream()
                .map(r -> r.key())
                .filter(k -> Set.of(good1, good2, nul, garbage, tooNew).contains(k))
                .collect(Collectors.toSet());
        assertEquals(Set.of(nul, garbage, tooNew), dead);
        assertTrue(
                TopicRecords.all(Topics.SECTIONS_DLQ).stream()
                        .filter(r -> r.key().equals(garbage))
                        .allMatch(r -> r.value().equals("{not json")),
                "dead-lettered as received");
        assertCell(city, null, "12", 2);
        assertEquals(0, TestEvents.count("SELECT count(*) FROM metric_fact WHERE report_id = ?", nul));
    }

    static void awaitCells(String city, int cells) {
        await().atMost(WAIT)
                .untilAsserted(() -> given().queryParam("city", city)
                        .get("/api/v1/rollups")
                        .then()
                        .body("$", hasSize(cells)));
    }

    /** The AGGREGATED statuses sent for a report. */
    static long aggregated(String reportId) {
        return TopicRecords.all(Topics.REPORT_STATUS).stream()
                .filter(r -> reportId.equals(r.key()) && r.value().contains("AGGREGATED"))
                .count();
    }

    static void assertCell(String city, String district, String sum, int reports) {
        var spec = given().queryParam("city", city).queryParam("unit", "件");
        if (district != null) {
            spec = spec.queryParam("district", district);
        }
        List<Object> sums = spec.get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].reports", equalTo(reports))
                .extract()
                .jsonPath()
                .getList("sum");
        assertEquals(0, new BigDecimal(sum).compareTo(new BigDecimal(String.valueOf(sums.get(0)))), "sum " + sums);
    }
}
