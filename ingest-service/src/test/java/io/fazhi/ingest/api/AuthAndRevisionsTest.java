package io.fazhi.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Who may do what, idempotent re-uploads, revisions, the status list, reprocessing and the upload metrics. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class AuthAndRevisionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token);
    }

    private static String unique(String prefix) {
        return Samples.unique(prefix); // a per-test agency keeps tests apart
    }

    private static void register(String name, String city, String district) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "city", city, "level", "bureau"));
        body.put("district", district);
        as(Tokens.operator())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/agencies/"));
    }

    @Test
    void withoutAValidTokenEverythingIs401ButHealthAndOpenApiStayOpen() {
        for (String token : List.of("", "Bearer not-a-jwt", Tokens.forged(), Tokens.expired(), Tokens.wrongIssuer())) {
            RequestSpecification spec = token.isEmpty() ? given() : as(token);
            spec.contentType("application/json")
                    .body(Map.of("text", Samples.report("江门市司法局", 2019)))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().get("/api/v1/reports/whatever").then().statusCode(401);
        given().get("/api/v1/reports").then().statusCode(401);
        given().get("/api/v1/agencies").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("bearer"))
                .body(containsString("/api/v1/agencies"));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRecognisedWhileItIsValid() {
        String token = Tokens.operator();
        double before = verifiedTokenHits();
        for (int i = 0; i < 3; i++) {
            as(token).get("/api/v1/reports").then().statusCode(200);
        }
        assertTrue(verifiedTokenHits() >= before + 2, "the second and third requests are answered from the cache");
        as(Tokens.expired()).get("/api/v1/reports").then().statusCode(401);
    }

    private static double verifiedTokenHits() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("cache_gets_total{")
                        && l.contains("cache=\"verified-tokens\"")
                        && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void theRegistryIsForOperatorsOnly() {
        String name = unique("江门市鹤山市司法局");
        as(Tokens.agency(name))
                .contentType("application/json")
                .body(Map.of("name", name, "city", "江门市", "level", "bureau"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.agency(name)).get("/api/v1/agencies").then().statusCode(403);
        register(name, "江门市", "鹤山市");
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("name", name, "city", "江门市", "district", "鹤山市", "level", "bureau"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(200);
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("name", name, "city", "阳江市", "level", "bureau"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("name", name, "city", "江门市", "level", "ministry"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"));
        as(Tokens.operator())
                .get("/api/v1/agencies?city=江门市")
                .then()
                .statusCode(200)
                .body("name", hasItem(name));
        as(Tokens.operator())
                .get("/api/v1/agencies/" + name)
                .then()
                .statusCode(200)
                .body("district", equalTo("鹤山市"));
    }

    @Test
    void anAgencyUploadsItsOwnReportWithCityAndDistrictFromTheRegistry() throws Exception {
        String a = unique("江门市新会区司法局");
        String b = unique("江门市台山市司法局");
        register(a, "江门市", "新会区");
        register(b, "江门市", "台山市");

        // the registry wins over what the upload says
        String id = as(Tokens.agency(a))
                .contentType("application/json")
                .body(Map.of("text", Samples.report(a, 2019), "city", "广州市", "district", "天河区", "year", 2019))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("agency", equalTo(a))
                .body("city", equalTo("江门市"))
                .body("district", equalTo("新会区"))
                .extract()
                .path("id");
        JsonNode event = JSON.readTree(KafkaProbe.awaitRecord(Topics.REPORTS, id, Duration.ofSeconds(20))
                .value());
        assertEquals(a, event.get("agency").asText());
        assertEquals("新会区", event.get("district").asText());

        // never for another agency
        as(Tokens.agency(a))
                .contentType("application/json")
                .body(Map.of("text", Samples.report(b, 2019), "agency", b))
                .post("/api/v1/reports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(b));
        // an agency the registry does not know
        as(Tokens.agency(unique("不存在的局")))
                .contentType("application/json")
                .body(Map.of("text", Samples.report("不存在的局", 2019)))
                .post("/api/v1/reports")
                .then()
                .statusCode(403)
                .body("detail", containsString("not registered"));

        // nor read another agency's report, its history or its original
        as(Tokens.agency(b))
                .get("/api/v1/reports/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.agency(b)).get("/api/v1/reports/" + id + "/revisions").then().statusCode(403);
        as(Tokens.agency(b))
                .get("/api/v1/reports/" + id + "/revisions/1/original")
                .then()
                .statusCode(403);
        as(Tokens.agency(a)).get("/api/v1/reports/" + id).then().statusCode(200).body("id", equalTo(id));
        as(Tokens.operator()).get("/api/v1/reports/" + id).then().statusCode(200);

        // the list is scoped to the caller
        String idB = as(Tokens.agency(b))
                .contentType("application/json")
                .body(Map.of("text", Samples.report(b, 2019), "year", 2019))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        as(Tokens.agency(b))
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(idB))
                .body("items.id", not(hasItem(id)))
                .body("total", equalTo(1));
        as(Tokens.agency(b)).get("/api/v1/reports?agency=" + a).then().statusCode(403);
        as(Tokens.operator())
                .get("/api/v1/reports?size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.id", hasItem(idB));
        as(Tokens.operator())
                .get("/api/v1/reports?agency=" + a + "&year=2019&status=RECEIVED")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("total", equalTo(1));
        as(Tokens.operator())
                .get("/api/v1/reports?status=AGGREGATED&agency=" + a)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as(Tokens.operator()).get("/api/v1/reports?status=DONE").then().statusCode(400);
    }

    @Test
    void theSameContentOrIdempotencyKeyAgainIsTheSameReport() {
        String agency = unique("阳江市司法局");
        register(agency, "阳江市", null);
        String text = Samples.report(agency, 2020);
        String id = as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", text))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // after normalisation: CRLF, trailing blanks and a BOM do not make it another report
        as(Tokens.agency(agency))
                .contentType("text/plain; charset=UTF-8")
                .body("\ufeff" + text.replace("\n", "  \r\n") + "\n\n")
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("revision", equalTo(1));

        String key = "retry-" + UUID.randomUUID();
        String other = Samples.report(agency, 2021);
        String keyed = as(Tokens.agency(agency))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(Map.of("text", other))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        as(Tokens.agency(agency))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(Map.of("text", other))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(keyed));
        as(Tokens.agency(agency))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, 2022)))
                .post("/api/v1/reports")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertEquals(2, Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE owner = '" + agency + "'"));
    }

    @Test
    void aDifferentTextForTheSameAgencyAndYearIsANewRevision() throws Exception {
        String agency = unique("中山市司法局");
        register(agency, "中山市", null);
        String first = Samples.report(agency, 2019);
        String id = as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", first, "year", 2019))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("revision", equalTo(1))
                .extract()
                .path("id");
        sendStatus(id, 1, "EXTRACTED");
        sendStatus(id, 1, "AGGREGATED");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(Tokens.agency(agency))
                        .get("/api/v1/reports/" + id)
                        .then()
                        .body("status", equalTo("AGGREGATED")));

        // the corrected text, without a year: the title line names it
        String corrected = first.replace("168件", "186件");
        as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", corrected))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("revision", equalTo(2))
                .body("status", equalTo("RECEIVED"));
        List<ConsumerRecord<String, String>> events = KafkaProbe.records(Topics.REPORTS, id, 2, Duration.ofSeconds(20));
        assertEquals(2, events.size());
        JsonNode second = JSON.readTree(events.get(1).value());
        assertEquals(2, second.get("revision").asInt());
        assertTrue(second.get("text").asText().contains("186件"));

        // the earlier revision stays readable as history, with its own status
        as(Tokens.agency(agency))
                .get("/api/v1/reports/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", equalTo(List.of(1, 2)))
                .body("status", equalTo(List.of("AGGREGATED", "RECEIVED")));
        as(Tokens.agency(agency))
                .get("/api/v1/reports/" + id + "/revisions/1/original")
                .then()
                .statusCode(200)
                .body(containsString("168件"));
        // a late event of revision 1 does not touch revision 2
        sendStatus(id, 1, "FAILED");
        sendStatus(id, 2, "EXTRACTED");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(Tokens.agency(agency))
                        .get("/api/v1/reports/" + id)
                        .then()
                        .body("status", equalTo("EXTRACTED"))
                        .body("revision", equalTo(2)));

        // the first text again is the same report, not a third revision
        as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", first))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("revision", equalTo(2));
        // another year is another report
        as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, 2020)))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("id", not(equalTo(id)));
        // an operator's backfill of another text under the agency's short name (the year read from its title) is a
        // revision of the agency's report
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, 2019), "agency", agency.substring(3), "city", "中山市"))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("revision", equalTo(3))
                .body("outcome", equalTo("revision"));
    }

    @Test
    void reprocessingPublishesTheStoredTextsOfACityAndYearAgain() throws Exception {
        String agency = unique("阳江市阳东区司法局");
        register(agency, "阳江市", "阳东区");
        String text = Samples.report(agency, 2031);
        String id = as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", text, "year", 2031))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        sendStatus(id, 1, "EXTRACTED");
        sendStatus(id, 1, "AGGREGATED");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(Tokens.operator())
                        .get("/api/v1/reports/" + id)
                        .then()
                        .body("status", equalTo("AGGREGATED")));

        as(Tokens.agency(agency))
                .post("/api/v1/reports/reprocess?city=阳江市&year=2031")
                .then()
                .statusCode(403);
        as(Tokens.operator())
                .post("/api/v1/reports/reprocess?city=阳江市&year=2031")
                .then()
                .statusCode(202)
                .body("published", equalTo(1))
                .body("skipped", equalTo(0));
        List<ConsumerRecord<String, String>> events = KafkaProbe.records(Topics.REPORTS, id, 2, Duration.ofSeconds(20));
        assertEquals(2, events.size());
        JsonNode again = JSON.readTree(events.get(1).value());
        assertEquals(text, again.get("text").asText());
        assertEquals(1, again.get("revision").asInt());
        assertEquals("阳江市", again.get("city").asText());
        // waiting for the new extraction
        as(Tokens.operator()).get("/api/v1/reports/" + id).then().body("status", equalTo("RECEIVED"));
        as(Tokens.operator())
                .post("/api/v1/reports/reprocess?city=无此市&year=2031")
                .then()
                .statusCode(202)
                .body("published", equalTo(0));
    }

    @Test
    void uploadsAreCountedByOutcome() {
        String agency = unique("江门市开平市司法局");
        register(agency, "江门市", "开平市");
        String text = Samples.report(agency, 2019);
        as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", text))
                .post("/api/v1/reports")
                .then()
                .statusCode(202);
        as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", text))
                .post("/api/v1/reports")
                .then()
                .statusCode(200);
        as(Tokens.agency(agency))
                .contentType("application/json")
                .body(Map.of("text", "hello"))
                .post("/api/v1/reports")
                .then()
                .statusCode(422);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String outcome : List.of("accepted", "duplicate", "rejected")) {
            assertTrue(
                    metrics.lines()
                            .anyMatch(l -> l.startsWith("fazhi_uploads_total{")
                                    && l.contains("outcome=\"" + outcome + "\"")
                                    && !l.endsWith(" 0.0")),
                    outcome + "\n" + metrics);
        }
        assertTrue(metrics.contains("fazhi_upload_bytes_count"), metrics);
    }

    private static void sendStatus(String id, int revision, String status) throws Exception {
        KafkaProbe.send(
                Topics.REPORT_STATUS,
                id,
                JSON.writeValueAsString(Map.of(
                        "schemaVersion",
                        1,
                        "reportId",
                        id,
                        "revision",
                        revision,
                        "status",
                        status,
                        "sections",
                        3,
                        "metrics",
                        5,
                        "at",
                        Instant.now().toString())),
                Map.of());
    }
}
