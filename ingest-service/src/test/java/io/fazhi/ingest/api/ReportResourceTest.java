package io.fazhi.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Kafka;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class ReportResourceTest {
    private static String text() {
        return Samples.report("江门市新会区科工商务局", 2019);
    }

    @Inject
    ObjectMapper mapper;

    /** An operator's upload for its own agency each time, so that tests do not make revisions of one another. */
    private Response upload(String text) {
        return upload(text, Samples.unique("江门市新会区科工商务局"));
    }

    private Response upload(String text, String agency) {
        return op().contentType("application/json")
                .body(Map.of("text", text, "agency", agency, "city", "江门市", "year", 2019))
                .post("/api/v1/reports");
    }

    private static io.restassured.specification.RequestSpecification op() {
        return given().header("Authorization", Tokens.operator());
    }

    @Test
    void jsonUploadIsPublishedKeyedByIdAndAnswered202WithLocation() throws Exception {
        String text = text();
        Response r = upload(text);
        r.then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/reports/"))
                .body("status", equalTo("RECEIVED"))
                .body("city", equalTo("江门市"));
        String id = r.jsonPath().getString("id");

        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(Topics.REPORTS, id, Duration.ofSeconds(20));
        JsonNode event = mapper.readTree(record.value());
        assertEquals(text.strip(), event.get("text").asText());
        assertTrue(event.get("agency").asText().startsWith("江门市新会区科工商务局"), event.toString());
        assertEquals(2019, event.get("year").asInt());
        assertEquals(ReportSubmitted.SCHEMA_VERSION, event.get("schemaVersion").asInt());

        op().get("/api/v1/reports/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("RECEIVED"));
    }

    @Test
    void plainTextUploadIsAccepted() {
        op().contentType("text/plain; charset=UTF-8")
                .body(text())
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("id", notNullValue())
                .body("status", equalTo("RECEIVED"));
    }

    @Test
    void theSameTextFromTheSameUploaderIsTheSameReport() {
        String text = text();
        String first =
                upload(text, "江门市新会区科工商务局").then().statusCode(202).extract().path("id");
        String second =
                upload(text, "江门市新会区科工商务局").then().statusCode(200).extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void statusMovesForwardOnEventsAndNeverBack() throws Exception {
        String id = upload(text()).then().statusCode(202).extract().path("id");
        sendStatus(id, "EXTRACTED", 2, 3);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> op().get("/api/v1/reports/" + id)
                        .then()
                        .body("status", equalTo("EXTRACTED"))
                        .body("sections", equalTo(2))
                        .body("metrics", equalTo(3)));
        sendStatus(id, "AGGREGATED", null, null);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> op().get("/api/v1/reports/" + id).then().body("status", equalTo("AGGREGATED")));
        sendStatus(id, "EXTRACTED", 2, 3); // a late duplicate, processed once the consumer committed past it
        Kafka.sendAndAwaitConsumed(Topics.REPORT_STATUS, id, status(id, "EXTRACTED", 2, 3), "ingest-service");
        op().get("/api/v1/reports/" + id).then().body("status", equalTo("AGGREGATED"));
    }

    @Test
    void aStatusNoRetryCanReadIsDeadLetteredAndTheOthersOfItsPollAreRecorded() throws Exception {
        String id = upload(text()).then().statusCode(202).extract().path("id");
        KafkaProbe.send(Topics.REPORT_STATUS, id, "{not json", Map.of());
        sendStatus(id, "EXTRACTED", 4, 5);
        ConsumerRecord<String, String> dead =
                KafkaProbe.awaitRecord(Topics.REPORT_STATUS_DLQ, id, Duration.ofSeconds(20));
        assertEquals("{not json", dead.value());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> op().get("/api/v1/reports/" + id)
                        .then()
                        .body("status", equalTo("EXTRACTED"))
                        .body("sections", equalTo(4))
                        .body("metrics", equalTo(5)));
        assertEquals(1, KafkaProbe.allRecords(Topics.REPORT_STATUS_DLQ, id).size(), "only the poison one");
    }

    @Test
    void aDeadLetterMarksTheReportFailedWithTheReason() throws Exception {
        String id = upload(text()).then().statusCode(202).extract().path("id");
        KafkaProbe.send(Topics.REPORTS_DLQ, id, "{}", Map.of("dead-letter-reason", "boom: bad section"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> op().get("/api/v1/reports/" + id)
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("reason", containsString("boom: bad section")));
    }

    @Test
    void errorsAreProblemDetails() {
        op().get("/api/v1/reports/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("nope"));
        op().contentType("application/json")
                .body("{\"text\": ")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("JSON"));
        op().contentType("application/json")
                .body("{\"city\": \"江门市\"}")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
        op().contentType("application/json")
                .body(Map.of("text", "   "))
                .post("/api/v1/reports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        op().contentType("text/plain")
                .body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})
                .post("/api/v1/reports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void theUploadAnswersAreDescribedOnceForEveryUploadEndpoint() throws Exception {
        JsonNode api = mapper.readTree(given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode upload = api.at("/paths/~1api~1v1~1reports/post");
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        upload.get("responses").fieldNames().forEachRemaining(statuses::add);
        assertEquals(new java.util.TreeSet<>(UploadApiDescription.ANSWERS.keySet()), statuses, upload.toString());
        JsonNode bodies = upload.at("/requestBody/content");
        for (String type : java.util.List.of("application/json", "text/plain", "text/html", "multipart/form-data")) {
            assertTrue(bodies.has(type), type + " in " + bodies);
        }
        assertTrue(api.at("/components/schemas/Problem").isObject(), "the problem schema");
        assertTrue(upload.at("/responses/503/headers/Retry-After").isObject(), upload.toString());
    }

    @Test
    void readinessIsTheDatabasesAndLivenessTheChannelsAndTheRelay() {
        String ready =
                given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(ready.contains("Database connections health check"), ready);
        String live =
                given().get("/q/health/live").then().statusCode(200).extract().asString();
        assertTrue(live.contains("SmallRye Reactive Messaging"), live);
        assertTrue(live.contains("outbox relay"), live);
    }

    private void sendStatus(String id, String status, Integer sections, Integer metrics) throws Exception {
        KafkaProbe.send(Topics.REPORT_STATUS, id, status(id, status, sections, metrics), Map.of());
    }

    private String status(String id, String status, Integer sections, Integer metrics) throws Exception {
        return mapper.writeValueAsString(Map.of(
                "schemaVersion",
                1,
                "reportId",
                id,
                "revision",
                1,
                "status",
                status,
                "sections",
                sections == null ? 0 : sections,
                "metrics",
                metrics == null ? 0 : metrics,
                "at",
                Instant.now().toString()));
    }
}
