package io.fazhi.aggregate.messaging;

import static io.fazhi.aggregate.support.TestEvents.info;
import static io.fazhi.aggregate.support.TestEvents.metric;
import static io.fazhi.aggregate.support.TestEvents.rows;
import static io.fazhi.aggregate.support.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fazhi.aggregate.support.RollupChecks;
import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reprocessing: the same revisions extracted again by a newer extractor replace the older extraction in every
 * rollup, and a stale run that started before the reprocessing and completes after it does not; afterwards the
 * rollups equal those of a fresh run of the new extractor, and the facts show the version that counts.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class ReprocessingTest {
    static final String OLD = "2024.1";
    static final String NEW = "2025.1";

    private static ReportInfo infoOf(String city, String district, String agency) {
        return info(agency, city, district, 2023);
    }

    /** What the old extractor found: no indicators, report 2 placed in the wrong city. */
    private static List<SectionExtracted> oldRun(String r1, String r2, String city, String wrongCity) {
        return List.of(
                section(r1, 1, OLD, 0, 2, infoOf(city, "新会区", "科工商务局"), "other", List.of()),
                section(
                        r1,
                        1,
                        OLD,
                        1,
                        2,
                        infoOf(city, "新会区", "科工商务局"),
                        "other",
                        List.of(metric("120", "件", "行政许可", null))),
                section(
                        r2,
                        1,
                        OLD,
                        0,
                        1,
                        infoOf(wrongCity, null, "司法局"),
                        "other",
                        List.of(metric("35", "件", "行政复议案件", "reconsideration_cases"))));
    }

    /** What the new extractor finds: indicators, one more metric, report 2 in the right city. */
    private static List<SectionExtracted> newRun(String r1, String r2, String city) {
        return List.of(
                section(r1, 1, NEW, 0, 3, infoOf(city, "新会区", "科工商务局"), "other", List.of()),
                section(
                        r1,
                        1,
                        NEW,
                        1,
                        3,
                        infoOf(city, "新会区", "科工商务局"),
                        "government_functions",
                        List.of(metric("120", "件", "行政许可办件", "licensing_handled"))),
                section(
                        r1,
                        1,
                        NEW,
                        2,
                        3,
                        infoOf(city, "新会区", "科工商务局"),
                        "legal_capacity",
                        List.of(metric("1500", "人次", "参训", "trained_people"))),
                section(r2, 1, NEW, 0, 2, infoOf(city, "蓬江区", "司法局"), "other", List.of()),
                section(
                        r2,
                        1,
                        NEW,
                        1,
                        2,
                        infoOf(city, "蓬江区", "司法局"),
                        "dispute_resolution",
                        List.of(
                                metric("35", "件", "行政复议案件", "reconsideration_cases"),
                                metric("98.5", "%", "满意率", "satisfaction_rate"))));
    }

    @Test
    void reprocessingEqualsAFreshRunAndShowsTheExtractorVersion() throws Exception {
        String city = TestEvents.city("重算市");
        String wrongCity = TestEvents.city("错市");
        String fresh = TestEvents.city("新算市");
        String r1 = TestEvents.id();
        String r2 = TestEvents.id();

        TestEvents.sendAll(oldRun(r1, r2, city, wrongCity));
        awaitCurrent(r1, OLD);
        awaitCurrent(r2, OLD);
        given().queryParam("city", wrongCity).get("/api/v1/rollups").then().body("$", hasSize(1));
        given().queryParam("city", city).get("/api/v1/rollups").then().body("$", hasSize(0));

        // a run of a third extractor starts (one section) before the reprocessing and finishes after it
        String stale = "2024.9";
        TestEvents.send(section(r1, 1, stale, 0, 2, infoOf(city, null, "科工商务局"), "other", List.of()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !rows(
                                "SELECT 1 FROM report_revision WHERE report_id = ? AND extractor_version = ?",
                                r1,
                                stale)
                        .isEmpty());

        TestEvents.sendAll(newRun(r1, r2, city));
        awaitCurrent(r1, NEW);
        awaitCurrent(r2, NEW);

        TestEvents.send(section(
                r1,
                1,
                stale,
                1,
                2,
                infoOf(city, null, "科工商务局"),
                "other",
                List.of(metric("999", "件", "行政许可办件", "licensing_handled"))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !rows(
                                "SELECT 1 FROM report_revision WHERE report_id = ? AND extractor_version = ? AND complete",
                                r1,
                                stale)
                        .isEmpty());

        // a fresh run of the new extractor on the same texts, in another city
        String f1 = TestEvents.id();
        String f2 = TestEvents.id();
        TestEvents.sendAll(newRun(f1, f2, fresh));
        awaitCurrent(f1, NEW);
        awaitCurrent(f2, NEW);

        assertFalse(cellsWithoutCity(city, null).isEmpty());
        assertEquals(cellsWithoutCity(fresh, null), cellsWithoutCity(city, null));
        for (String district : List.of("新会区", "蓬江区")) {
            assertEquals(cellsWithoutCity(fresh, district), cellsWithoutCity(city, district));
        }
        // the old extraction's wrong city lost its report, rollups and summary in the same transaction
        given().queryParam("city", wrongCity).get("/api/v1/rollups").then().body("$", hasSize(0));
        given().queryParam("city", wrongCity).get("/api/v1/cities").then().body("$", hasSize(0));
        JsonPath a = given().queryParam("city", city)
                .get("/api/v1/cities")
                .then()
                .extract()
                .jsonPath();
        JsonPath b = given().queryParam("city", fresh)
                .get("/api/v1/cities")
                .then()
                .extract()
                .jsonPath();
        assertEquals(b.getMap("[0].years[0]"), a.getMap("[0].years[0]"));

        given().get("/api/v1/facts/" + r1)
                .then()
                .statusCode(200)
                .body("extractorVersion", equalTo(NEW))
                .body("sections", hasSize(3))
                .body("sections[2].metrics[0].indicator", equalTo("trained_people"))
                .body("sections[2].metrics[0].indicatorName", equalTo("培训人次"))
                .body("extractions.extractorVersion", equalTo(List.of(OLD, stale, NEW)))
                .body("extractions.current", equalTo(List.of(false, false, true)))
                .body("extractions.complete", equalTo(List.of(true, true, true)));
        given().get("/api/v1/facts/" + r2)
                .then()
                .body("extractorVersion", equalTo(NEW))
                .body("city", equalTo(city));
        RollupChecks.assertRollupsEqualFacts(city, fresh);
        RollupChecks.assertIncrementalEqualsRecompute();
    }

    private static void awaitCurrent(String reportId, String extractor) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/api/v1/facts/" + reportId)
                        .then()
                        .statusCode(200)
                        .body("extractorVersion", equalTo(extractor)));
    }

    private static List<Map<String, Object>> cellsWithoutCity(String city, String district) {
        var spec = given().queryParam("city", city).queryParam("size", 1000);
        if (district != null) {
            spec = spec.queryParam("district", district);
        }
        List<Map<String, Object>> cells = spec.get("/api/v1/rollups")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return cells.stream()
                .map(c -> c.entrySet().stream()
                        .filter(e -> !e.getKey().equals("city"))
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) String.valueOf(e.getValue()))))
                .toList();
    }
}
