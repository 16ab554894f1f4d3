package io.fazhi.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Kafka;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator merges two reports that are one and splits a wrong merge again; every change is a published revision,
 * in each report's own order, so the rollups follow (a withdrawn revision takes a report out of them).
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class ReportCorrectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification op() {
        return given().header("Authorization", Tokens.operator());
    }

    private static String upload(String text, Map<String, Object> metadata) {
        Map<String, Object> body = new java.util.HashMap<>(metadata);
        body.put("text", text);
        return op().contentType("application/json")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** The published events of a report, in their order on its partition. */
    private static List<JsonNode> events(String id) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE published_at IS NULL") == 0);
        return Kafka.readAll(Topics.REPORTS).stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> {
                    try {
                        return JSON.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aMergeMakesOneReportAndASplitUndoesIt() throws Exception {
        String agency = Samples.unique("江门市恩平市司法局");
        String a = upload(Samples.report(agency, 2019), Map.of("agency", agency, "city", "江门市", "year", 2019));
        // the same report, uploaded without anything that says so (no agency, another layout): another report
        String textB = Samples.report("某单位", 2019).replace("某单位2019年法治政府建设年度报告\n", "");
        String b = upload(textB, Map.of());
        assertTrue(!a.equals(b));

        op().contentType("application/json")
                .body(Map.of("from", b))
                .post("/api/v1/reports/" + a + "/merge")
                .then()
                .statusCode(200)
                .body("id", equalTo(a))
                .body("revision", equalTo(2))
                .body("origin", equalTo("merge"))
                .body("agency", equalTo(agency));
        op().get("/api/v1/reports/" + b)
                .then()
                .statusCode(200)
                .body("mergedInto", equalTo(a))
                .body("withdrawn", equalTo(true))
                .body("revision", equalTo(2));
        // the merged report's text again answers the report it went into
        op().contentType("application/json")
                .body(Map.of("text", textB))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(a))
                .body("duplicateOf", equalTo(a));
        // nor can it be merged twice, or into itself
        op().contentType("application/json")
                .body(Map.of("from", b))
                .post("/api/v1/reports/" + a + "/merge")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        op().contentType("application/json")
                .body(Map.of("from", a))
                .post("/api/v1/reports/" + a + "/merge")
                .then()
                .statusCode(409);
        given().header("Authorization", Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("from", b))
                .post("/api/v1/reports/" + a + "/merge")
                .then()
                .statusCode(403);

        List<JsonNode> eventsB = events(b);
        assertEquals(
                List.of(1, 2),
                eventsB.stream().map(e -> e.get("revision").asInt()).toList());
        assertTrue(eventsB.get(1).get("withdrawn").asBoolean(), "the merged report leaves the rollups");
        List<JsonNode> eventsA = events(a);
        assertEquals(textB, eventsA.get(1).get("text").asText(), "its text is the other's next revision");

        // the merge was wrong: split it off again
        op().post("/api/v1/reports/" + a + "/revisions/2/split")
                .then()
                .statusCode(200)
                .body("reinstated", equalTo(true))
                .body("splitOff.id", equalTo(b))
                .body("splitOff.withdrawn", equalTo(false))
                .body("splitOff.mergedInto", equalTo(null))
                .body("report.revision", equalTo(3))
                .body("report.origin", equalTo("restore"));
        op().post("/api/v1/reports/" + a + "/revisions/2/split").then().statusCode(409);
        eventsA = events(a);
        eventsB = events(b);
        assertEquals(
                List.of(1, 2, 3),
                eventsA.stream().map(e -> e.get("revision").asInt()).toList());
        assertEquals(eventsA.get(0).get("text"), eventsA.get(2).get("text"), "the report has its own text back");
        assertEquals(
                List.of(1, 2, 3),
                eventsB.stream().map(e -> e.get("revision").asInt()).toList());
        assertEquals(textB, eventsB.get(2).get("text").asText(), "the other is a report of its own again");
        op().contentType("application/json")
                .body(Map.of("text", textB))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(b));
    }

    @Test
    void aTextMatchedToTheWrongReportAtUploadIsSplitIntoAReportOfItsOwn() throws Exception {
        String agency = Samples.unique("阳江市阳西县司法局");
        Map<String, Object> md = Map.of("agency", agency, "city", "阳江市", "year", 2020);
        String a = upload(Samples.report(agency, 2020), md);
        String wrong = Samples.report(agency, 2020); // uploaded under the agency and year by mistake: a revision
        op().contentType("application/json")
                .body(Map.of("text", wrong, "agency", agency, "city", "阳江市", "year", 2020))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("id", equalTo(a))
                .body("revision", equalTo(2));
        String c = op().post("/api/v1/reports/" + a + "/revisions/2/split")
                .then()
                .statusCode(200)
                .body("reinstated", equalTo(false))
                .body("report.revision", equalTo(3))
                .extract()
                .path("splitOff.id");
        op().get("/api/v1/reports/" + c).then().statusCode(200).body("origin", equalTo("split"));
        op().get("/api/v1/reports/" + a + "/revisions")
                .then()
                .body("movedTo", equalTo(java.util.Arrays.asList(null, c, null)));
        // its text now answers the report it was split into
        op().contentType("application/json")
                .body(Map.of("text", wrong))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(c));
        assertEquals(wrong, events(c).get(0).get("text").asText());

        op().post("/api/v1/reports/" + c + "/withdraw").then().statusCode(200).body("withdrawn", equalTo(true));
        op().post("/api/v1/reports/" + c + "/withdraw").then().statusCode(409);
        assertTrue(events(c).get(1).get("withdrawn").asBoolean());
    }
}
