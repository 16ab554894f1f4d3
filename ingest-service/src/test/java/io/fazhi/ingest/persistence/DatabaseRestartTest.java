package io.fazhi.ingest.persistence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedPostgresServer;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started again (same port, same data) under the running service: uploads answer 503 with
 * Retry-After as problem details while it is away, never 500; a status event and a dead letter that arrive meanwhile
 * are retried, not dead-lettered, and applied once it is back; the pool discards the connections the restart broke,
 * so the first requests after it succeed; the channels never stop. Its own profile: it runs after the other classes.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnProfile.class)
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class DatabaseRestartTest {
    public static class OwnProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fazhi.retry.max-backoff", "1s", "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean stopped;

    @AfterAll
    static void startTheDatabaseAgain() {
        if (stopped) {
            InfraTestResource.infra().postgres().start();
        }
    }

    private static String upload(String agency, int year) {
        return given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, year), "agency", agency, "city", "阳江市", "year", year))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    @Test
    void aDatabaseRestartIsOutlastedWithoutErrorsOrLostEvents() throws Exception {
        String agency = Samples.unique("阳江市阳春市司法局");
        String extracted = upload(agency, 2019);
        String failed = upload(agency, 2020);

        EmbeddedPostgresServer postgres = InfraTestResource.infra().postgres();
        postgres.close();
        stopped = true;
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, 2021), "agency", agency, "city", "阳江市"))
                .post("/api/v1/reports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("try again"));
        given().header("Authorization", Tokens.operator())
                .get("/api/v1/reports/" + extracted)
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        KafkaProbe.send(
                Topics.REPORT_STATUS,
                extracted,
                JSON.writeValueAsString(Map.of(
                        "schemaVersion", 1,
                        "reportId", extracted,
                        "revision", 1,
                        "status", "EXTRACTED",
                        "sections", 4,
                        "metrics", 9,
                        "at", Instant.now().toString())),
                Map.of());
        KafkaProbe.send(Topics.SECTIONS_DLQ, failed, "{\"revision\": 1}", Map.of("dead-letter-reason", "bad section"));

        postgres.start();
        stopped = false;
        // the first requests after the restart succeed: broken connections were discarded, not handed out
        upload(agency, 2022);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().header("Authorization", Tokens.operator())
                        .get("/api/v1/reports/" + extracted)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("EXTRACTED"))
                        .body("metrics", equalTo(9)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().header("Authorization", Tokens.operator())
                        .get("/api/v1/reports/" + failed)
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("reason", containsString("bad section")));
        given().get("/q/health").then().statusCode(200);
    }
}
