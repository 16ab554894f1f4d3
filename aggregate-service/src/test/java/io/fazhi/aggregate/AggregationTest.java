package io.fazhi.aggregate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfraTestResource.class)
class AggregationTest {
    @Inject
    ObjectMapper mapper;

    private static ReportInfo info(String city, String district, int year) {
        return new ReportInfo(
                "某局",
                city,
                district,
                "bureau",
                year,
                "2020-03-01",
                null,
                new ReportInfo.Compliance(true, true, true, true, false),
                List.of());
    }

    private static MetricFact metric(String value, String unit, String label, String approx) {
        return new MetricFact(
                new BigDecimal(value),
                unit,
                approx,
                label,
                null,
                null,
                unit,
                value + unit,
                "共完成" + label + value + unit + "。",
                10);
    }

    private static SectionExtracted section(
            String reportId, int revision, int index, int count, ReportInfo info, List<MetricFact> metrics) {
        return new SectionExtracted(
                1,
                SectionExtracted.eventId(reportId, revision, "test", index),
                reportId,
                revision,
                index,
                count,
                "test",
                info,
                index == 0
                        ? new SectionExtracted.Section(null, 0, "", "other", 0)
                        : new SectionExtracted.Section("(一)优化行政审批。", 2, "1." + index, "government_functions", 5),
                metrics,
                false);
    }

    private void send(SectionExtracted e) throws Exception {
        KafkaProbe.send(Topics.SECTIONS, e.reportId(), mapper.writeValueAsString(e), Map.of());
    }

    private static String city() {
        return "测试市" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRevisionCountsOnlyWhenWholeAndRedeliveryChangesNothing() throws Exception {
        String city = city();
        String id = UUID.randomUUID().toString();
        ReportInfo info = info(city, "新会区", 2019);
        SectionExtracted s0 = section(id, 1, 0, 2, info, List.of());
        SectionExtracted s1 = section(
                id,
                1,
                1,
                2,
                info,
                List.of(metric("168", "件", "外资备案手续", null), metric("583", "份", "原产地证明书", "more_than")));
        send(s1);
        Thread.sleep(1500);
        given().queryParam("city", city)
                .get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().get("/api/v1/facts/" + id).then().statusCode(404).contentType("application/problem+json");

        send(s0);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("city", city)
                        .get("/api/v1/rollups")
                        .then()
                        .body("$", hasSize(2)));
        assertCell(city, null, "外资备案手续", "168", 1);
        assertCell(city, "新会区", "外资备案手续", "168", 1);
        given().queryParam("city", city)
                .queryParam("unit", "份")
                .get("/api/v1/rollups")
                .then()
                .body("[0].lowerBound", equalTo(true));

        // redelivery and replay: nothing changes
        send(s1);
        send(s0);
        send(s1);
        Thread.sleep(2000);
        assertCell(city, null, "外资备案手续", "168", 1);
        assertEquals(
                1,
                KafkaProbe.records(Topics.REPORT_STATUS, id, 2, Duration.ofSeconds(10)).stream()
                        .filter(r -> r.value().contains("AGGREGATED"))
                        .limit(1)
                        .count());

        given().get("/api/v1/facts/" + id)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("city", equalTo(city))
                .body("sections", hasSize(2))
                .body("sections[1].heading", equalTo("(一)优化行政审批。"))
                .body("sections[1].category", equalTo("government_functions"))
                .body("sections[1].metrics[0].value", equalTo(168))
                .body("sections[1].metrics[0].sentence", containsString("外资备案手续168件"));
    }

    @Test
    void aNewRevisionReplacesTheOldOneInEveryRollup() throws Exception {
        String city = city();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        send(section(a, 1, 0, 1, info(city, "新会区", 2019), List.of(metric("100", "件", "外资备案手续", null))));
        send(section(b, 1, 0, 1, info(city, null, 2019), List.of(metric("50", "件", "外资备案手续", null))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertCell(city, null, "外资备案手续", "150", 2));
        assertCell(city, "新会区", "外资备案手续", "100", 1);

        // revision 2 of report a corrects the figure and moves it to another district
        send(section(a, 2, 0, 1, info(city, "蓬江区", 2019), List.of(metric("120", "件", "外资备案手续", null))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertCell(city, null, "外资备案手续", "170", 2));
        assertCell(city, "蓬江区", "外资备案手续", "120", 1);
        given().queryParam("city", city)
                .queryParam("district", "新会区")
                .get("/api/v1/rollups")
                .then()
                .body("$", hasSize(0));
        given().get("/api/v1/facts/" + a).then().body("revision", equalTo(2));

        // a late redelivery of revision 1 does not bring it back
        send(section(a, 1, 0, 1, info(city, "新会区", 2019), List.of(metric("100", "件", "外资备案手续", null))));
        Thread.sleep(1500);
        assertCell(city, null, "外资备案手续", "170", 2);
    }

    @Test
    void ratesRollUpAsMinMaxAndMeanWithoutSum() throws Exception {
        String city = city();
        send(section(
                UUID.randomUUID().toString(),
                1,
                0,
                1,
                info(city, null, 2020),
                List.of(metric("95", "%", "满意率", null))));
        send(section(
                UUID.randomUUID().toString(),
                1,
                0,
                1,
                info(city, null, 2020),
                List.of(metric("85", "%", "满意率", null))));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("city", city)
                        .get("/api/v1/rollups")
                        .then()
                        .body("[0].observations", equalTo(2)));
        given().queryParam("city", city)
                .get("/api/v1/rollups")
                .then()
                .body("[0].sum", nullValue())
                .body("[0].min", equalTo(85))
                .body("[0].max", equalTo(95))
                .body("[0].mean", equalTo(90))
                .body("[0].reports", equalTo(2));
    }

    @Test
    void anEventThatCannotBeProcessedGoesToTheDeadLetterTopic() throws Exception {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(Topics.SECTIONS, id, "{not json", Map.of());
        var record = KafkaProbe.awaitRecord(Topics.SECTIONS_DLQ, id, Duration.ofSeconds(20));
        assertEquals("{not json", record.value());
    }

    private static void assertCell(String city, String district, String label, String sum, int observations) {
        var spec = given().queryParam("city", city).queryParam("unit", "件");
        if (district != null) {
            spec = spec.queryParam("district", district);
        }
        spec.get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].label", equalTo(label))
                .body("[0].sum", equalTo(Integer.parseInt(sum)))
                .body("[0].observations", equalTo(observations));
    }
}
