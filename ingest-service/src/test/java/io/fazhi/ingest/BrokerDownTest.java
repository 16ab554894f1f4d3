package io.fazhi.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.infra.EmbeddedKafka;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * With the broker stopped an upload answers 503 with Retry-After within seconds, and nothing of it is stored; once
 * the broker is back the same upload is accepted. Its own profile, so Quarkus runs it after the other test classes
 * (and the broker is started again in any case).
 */
@QuarkusTest
@TestProfile(BrokerDownTest.BrokerDown.class)
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class BrokerDownTest {
    public static class BrokerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "fazhi.ingest.publish-timeout",
                    "6s",
                    "mp.messaging.outgoing.reports-out.delivery.timeout.ms",
                    "5000",
                    "mp.messaging.outgoing.reports-out.request.timeout.ms",
                    "3000");
        }
    }

    private static boolean stopped;

    @AfterAll
    static void startTheBrokerAgain() {
        if (stopped) {
            InfraTestResource.infra().kafka().start();
        }
    }

    private static Response upload(String text) {
        return given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", text, "agency", "江门市恩平市司法局", "city", "江门市", "year", 2019))
                .post("/api/v1/reports");
    }

    @Test
    void brokerStoppedMeans503WithRetryAfterAndNothingStored() {
        upload(Samples.report("江门市恩平市司法局", 2019)).then().statusCode(202); // the producer knows the topic

        EmbeddedKafka kafka = InfraTestResource.infra().kafka();
        kafka.close();
        stopped = true;
        String text = Samples.report("江门市恩平市司法局", 2019).replace("168件", "169件");
        Map<String, Long> before = Db.counts();
        Instant start = Instant.now();
        upload(text)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("detail", containsString("try again"));
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, "answered after " + took);
        assertEquals(before, Db.counts(), "nothing half-accepted remains");
        given().get("/q/health/live").then().statusCode(200);

        kafka.start();
        stopped = false;
        // the same upload, retried as Retry-After says, is a revision of the report (the first text is revision 1)
        Instant deadline = Instant.now().plusSeconds(60);
        int status;
        do {
            status = upload(text).statusCode();
        } while (status == 503 && Instant.now().isBefore(deadline));
        assertEquals(202, status);
        Map<String, Long> after = Db.counts();
        assertEquals(before.get("report_revision") + 1, after.get("report_revision"));
        assertEquals(before.get("report"), after.get("report"));
    }
}
