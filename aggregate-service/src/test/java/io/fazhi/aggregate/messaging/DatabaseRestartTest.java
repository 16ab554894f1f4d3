package io.fazhi.aggregate.messaging;

import static io.fazhi.aggregate.support.TestEvents.info;
import static io.fazhi.aggregate.support.TestEvents.metric;
import static io.fazhi.aggregate.support.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.support.RollupChecks;
import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.aggregate.support.TopicRecords;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedPostgresServer;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real PostgreSQL restarted under the running service, with section events arriving while it is down: reads
 * answer 503 with Retry-After, the consumer retries its batch (the pool discards the connections the restart broke),
 * no record is dead-lettered, and afterwards every rollup is exact.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class DatabaseRestartTest {
    static final Pattern RETRIES =
            Pattern.compile("fazhi_consumer_retries_total\\{[^}]*channel=\"sections\"[^}]*} ([0-9.E]+)");

    @Test
    void aDatabaseRestartDelaysEventsButNeverLosesOrDeadLettersThem() throws Exception {
        String city = TestEvents.city("重启市");
        List<String> before = new ArrayList<>();
        List<SectionExtracted> first = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = TestEvents.id();
            before.add(id);
            first.addAll(report(id, 1, info("机构" + i, city, i % 2 == 0 ? "新会区" : null, 2022), 10 + i));
        }
        TestEvents.sendAll(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestEvents.current(before) == before.size());
        double retriesBefore = retries();

        EmbeddedPostgresServer postgres = InfraTestResource.infra().postgres();
        List<String> during = new ArrayList<>();
        try {
            postgres.close();
            given().queryParam("city", city)
                    .get("/api/v1/rollups")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("detail", containsString("database"));
            // while it is down: new reports, and a correction of a report counted before
            List<SectionExtracted> second = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = TestEvents.id();
                during.add(id);
                second.addAll(report(id, 1, info("机构" + (i + 6), city, "台山市", 2022), 100 + i));
            }
            second.addAll(report(before.get(0), 2, info("机构0", city, "新会区", 2022), 1000));
            TestEvents.sendAll(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore);
        } finally {
            postgres.start();
        }
        // the first read after the restart gets a working connection: the pool validates what it hands out
        given().queryParam("city", city).get("/api/v1/rollups").then().statusCode(200);

        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestEvents.current(all) == all.size());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestEvents.count("SELECT current_revision FROM report WHERE report_id = ?", before.get(0))
                        == 2);
        Set<String> dead = new HashSet<>(TopicRecords.keys(Topics.SECTIONS_DLQ));
        dead.retainAll(all);
        assertTrue(dead.isEmpty(), "dead-lettered: " + dead);
        // 10..15 in revision 1, then 1000 replaces 10; 100..105 arrived during the outage
        BigDecimal expected = BigDecimal.valueOf(1000 + 11 + 12 + 13 + 14 + 15 + 100 + 101 + 102 + 103 + 104 + 105);
        Object sum = given().queryParam("city", city)
                .queryParam("indicator", "licensing_handled")
                .get("/api/v1/rollups")
                .then()
                .extract()
                .jsonPath()
                .get("[0].sum");
        assertEquals(0, expected.compareTo(new BigDecimal(String.valueOf(sum))), "sum " + sum);
        RollupChecks.assertRollupsEqualFacts(city);
        RollupChecks.assertIncrementalEqualsRecompute();
    }

    private static List<SectionExtracted> report(String id, int revision, ReportInfo info, int licences) {
        return List.of(
                section(id, revision, "e1", 0, 2, info, "other", List.of()),
                section(
                        id,
                        revision,
                        "e1",
                        1,
                        2,
                        info,
                        "government_functions",
                        List.of(metric(String.valueOf(licences), "件", "行政许可办件", "licensing_handled"))));
    }

    /** The consumer's retries so far, from its metrics. */
    private static double retries() {
        String metrics = given().get("/q/metrics").then().extract().asString();
        Matcher m = RETRIES.matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
