package io.fazhi.ingest.domain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Kafka;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A publish that times out although the broker wrote it: the producer holds each batch 600 ms (linger) while the
 * relay waits only 100 ms for the first acknowledgement, then twice as long each time. Nothing is undone: the report
 * stays stored, the copies written by the timed-out sends are the same report revision (harmless downstream), the
 * relay marks it published once an acknowledgement arrives in time, and retries of the upload find the same report.
 */
@QuarkusTest
@TestProfile(PublishTimeoutTest.SlowAcknowledgements.class)
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class PublishTimeoutTest {
    public static class SlowAcknowledgements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "fazhi.ingest.relay.ack-timeout", "100ms",
                    "fazhi.ingest.relay.max-backoff", "200ms",
                    "mp.messaging.outgoing.reports-out.linger.ms", "600");
        }
    }

    @Test
    void aTimedOutPublishIsSentAgainNeverUndoneAndNothingDoubles() {
        String agency = Samples.unique("中山市石岐街道办事处");
        String text = Samples.report(agency, 2019);
        Map<String, Object> body = Map.of("text", text, "agency", agency, "city", "中山市", "year", 2019);
        String id = given().header("Authorization", Tokens.operator())
                .header("Idempotency-Key", "timeout-" + agency)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE report_id = '" + id
                                + "' AND published_at IS NOT NULL")
                        == 1);
        List<ConsumerRecord<String, String>> copies = Kafka.readAll(Topics.REPORTS).stream()
                .filter(r -> id.equals(r.key()))
                .toList();
        assertTrue(copies.size() >= 2, "sends that timed out were written too: " + copies.size());
        assertTrue(copies.stream().allMatch(r -> r.value().contains("\"revision\":1")), "all copies are revision 1");
        assertEquals(1, Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE report_id = '" + id + "'"));
        // the client's retries find the same report, with the key and without
        given().header("Authorization", Tokens.operator())
                .header("Idempotency-Key", "timeout-" + agency)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        assertEquals(1, Db.scalar("SELECT count(*) FROM ingest.report WHERE owner = '" + agency + "'"));
    }
}
