package io.fazhi.ingest.domain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedKafka;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * With the broker stopped, uploads are still accepted (202: stored, and so certain to be published), the outbox
 * holds them, and once the broker is back the relay publishes every one of them. Its own profile, so Quarkus runs it
 * after the other test classes (and the broker is started again in any case).
 */
@QuarkusTest
@TestProfile(BrokerDownTest.ShortTimeouts.class)
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class BrokerDownTest {
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "fazhi.ingest.relay.ack-timeout", "3s",
                    "mp.messaging.outgoing.reports-out.delivery.timeout.ms", "3000",
                    "mp.messaging.outgoing.reports-out.request.timeout.ms", "2000");
        }
    }

    private static boolean stopped;

    @AfterAll
    static void startTheBrokerAgain() {
        if (stopped) {
            InfraTestResource.infra().kafka().start();
        }
    }

    @Test
    void uploadsAcceptedWhileTheBrokerIsDownArePublishedOnceItIsBack() {
        String agency = Samples.unique("江门市恩平市司法局");
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, 2018), "agency", agency, "city", "江门市"))
                .post("/api/v1/reports")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(BrokerDownTest::outboxEmpty);

        EmbeddedKafka kafka = InfraTestResource.infra().kafka();
        kafka.close();
        stopped = true;
        List<String> ids = new ArrayList<>();
        for (int year = 2019; year < 2024; year++) {
            ids.add(given().header("Authorization", Tokens.operator())
                    .contentType("application/json")
                    .body(Map.of("text", Samples.report(agency, year), "agency", agency, "city", "江门市"))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(202)
                    .body("queued", equalTo(true))
                    .extract()
                    .path("id"));
        }
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        assertEquals(5, Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE published_at IS NULL"));

        kafka.start();
        stopped = false;
        await().atMost(Duration.ofSeconds(90)).until(BrokerDownTest::outboxEmpty);
        Set<String> published = Kafka.readAll(Topics.REPORTS).stream()
                .map(r -> r.key())
                .filter(ids::contains)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(ids), published, "every upload accepted while the broker was down is published");
        ids.forEach(id -> given().header("Authorization", Tokens.operator())
                .get("/api/v1/reports/" + id)
                .then()
                .body("queued", equalTo(false)));
    }

    private static boolean outboxEmpty() {
        return Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE published_at IS NULL") == 0;
    }
}
