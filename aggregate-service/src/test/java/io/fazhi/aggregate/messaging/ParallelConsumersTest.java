package io.fazhi.aggregate.messaging;

import static io.fazhi.aggregate.support.TestEvents.info;
import static io.fazhi.aggregate.support.TestEvents.metric;
import static io.fazhi.aggregate.support.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.domain.rollup.BatchAggregation;
import io.fazhi.aggregate.domain.rollup.SectionFacts;
import io.fazhi.aggregate.support.RollupChecks;
import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.fazhi.infra.Tokens;
import io.fazhi.kafka.TransientRetry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * Three consumers on the six partitions of sections.v1 (and, separately, six threads applying batches directly, so
 * that sections of one report and its redeliveries race as on two instances during a rebalance) give rollups equal
 * to a recompute and to the facts, with redeliveries, corrected revisions, reprocessing by a newer extractor,
 * withdrawals and reports brought back mixed in and shuffled.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class ParallelConsumersTest {
    static final String[] DISTRICTS = {"蓬江区", "新会区", "台山市", null};

    @Inject
    BatchAggregation aggregation;

    @Inject
    TransientRetry retry;

    /** What the test fed in: each report's final revision (0 when withdrawn) and the totals it expects. */
    static final class Plan {
        final List<SectionExtracted> events = new ArrayList<>();
        final Map<String, Integer> finalRevision = new HashMap<>();
        final Map<String, BigDecimal> licences = new HashMap<>();
    }

    /**
     * Reports over three (city, year) slices, agencies shared between reports: a fifth corrected by revision 2, a
     * tenth withdrawn by revision 2, another tenth withdrawn and brought back by revision 3, an eighth extracted again
     * by a newer extractor (same figures), a quarter of all events redelivered; everything shuffled.
     */
    static Plan plan(String cityA, String cityB, int reports, long seed) {
        Random rnd = new Random(seed);
        Plan plan = new Plan();
        String[][] slices = {{cityA, "2021"}, {cityA, "2022"}, {cityB, "2021"}};
        for (int i = 0; i < reports; i++) {
            String id = TestEvents.id();
            String[] slice = slices[i % slices.length];
            int year = Integer.parseInt(slice[1]);
            int revisions = i % 10 == 7 ? 3 : i % 5 == 0 || i % 10 == 3 ? 2 : 1;
            BigDecimal last = BigDecimal.ZERO;
            for (int rev = 1; rev <= revisions; rev++) {
                ReportInfo info = info("机构" + (i % 7), slice[0], DISTRICTS[rnd.nextInt(DISTRICTS.length)], year);
                boolean withdrawn = (i % 10 == 3 && rev == 2) || (i % 10 == 7 && rev == 2);
                if (withdrawn) {
                    plan.events.add(TestEvents.withdrawal(id, rev, info));
                    last = null;
                    continue;
                }
                BigDecimal licences = BigDecimal.valueOf(1 + rnd.nextInt(500));
                BigDecimal more = BigDecimal.valueOf(rnd.nextInt(50));
                List<MetricFact> m1 = List.of(
                        metric(licences.toPlainString(), "件", "行政许可办件", "licensing_handled"),
                        metric(String.valueOf(80 + rnd.nextInt(20)), "%", "满意率", "satisfaction_rate"));
                List<MetricFact> m2 = List.of(
                        metric(more.toPlainString(), "件", "行政许可办件", "licensing_handled"),
                        metric(
                                String.valueOf(1 + rnd.nextInt(30)),
                                "场",
                                "场次",
                                "培训",
                                "training_sessions",
                                null,
                                "举办培训。"),
                        metric(rnd.nextInt(9) + ".5", "元", "元", "专项资金", "funding", MetricFact.MORE_THAN, "投入资金。"),
                        metric("3", "个", "个", "排名", null, null, "排名第3个。"));
                List<String> extractors = i % 8 == 5 && rev == revisions ? List.of("v1", "v2") : List.of("v1");
                for (String extractor : extractors) {
                    plan.events.add(section(id, rev, extractor, 0, 3, info, "other", List.of()));
                    plan.events.add(section(id, rev, extractor, 1, 3, info, "government_functions", m1));
                    plan.events.add(section(id, rev, extractor, 2, 3, info, "law_enforcement", m2));
                }
                last = licences.add(more);
            }
            plan.finalRevision.put(id, revisions);
            if (last != null) {
                plan.licences.merge(slice[0] + "|" + slice[1], last, BigDecimal::add);
            }
        }
        List<SectionExtracted> redeliveries = new ArrayList<>();
        for (SectionExtracted e : plan.events) {
            if (rnd.nextInt(4) == 0) {
                redeliveries.add(e);
            }
        }
        plan.events.addAll(redeliveries);
        Collections.shuffle(plan.events, rnd);
        return plan;
    }

    @Test
    void threeConsumersOnSixPartitionsGiveExactRollups() throws Exception {
        String cityA = TestEvents.city("并行甲市");
        String cityB = TestEvents.city("并行乙市");
        Plan plan = plan(cityA, cityB, 60, 42);
        // four producers at once, each with a quarter of the events
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        int quarter = (plan.events.size() + 3) / 4;
        for (int i = 0; i < plan.events.size(); i += quarter) {
            List<SectionExtracted> part = plan.events.subList(i, Math.min(plan.events.size(), i + quarter));
            sent.add(pool.submit(() -> {
                TestEvents.sendAll(part);
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        awaitFinal(plan);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("aggregate-service"))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get("aggregate-service");
            long withPartitions = group.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(Topics.SECTIONS)))
                    .count();
            assertEquals(3, withPartitions, "consumers with sections.v1 partitions: " + group.members());
        }
        assertExact(plan, cityA, cityB);
    }

    @Test
    void concurrentBatchesOnTheSameReportsAndCellsGiveExactRollups() throws Exception {
        String cityA = TestEvents.city("并发甲市");
        String cityB = TestEvents.city("并发乙市");
        Plan plan = plan(cityA, cityB, 40, 7);
        List<SectionFacts> facts = plan.events.stream().map(SectionFacts::of).toList();
        // batches of 1 to 12 events applied by six threads at once; deadlocks between them are retried
        Random rnd = new Random(3);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < facts.size(); ) {
            List<SectionFacts> batch = facts.subList(i, Math.min(facts.size(), i + 1 + rnd.nextInt(12)));
            i += batch.size();
            done.add(pool.submit(() -> retry.call("test", () -> aggregation.apply(batch))));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        awaitFinal(plan);
        assertExact(plan, cityA, cityB);
    }

    private static void awaitFinal(Plan plan) {
        List<String> ids = List.copyOf(plan.finalRevision.keySet());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    Map<String, Integer> seen = new HashMap<>();
                    TestEvents.rows(
                                    "SELECT report_id, current_revision FROM report r WHERE report_id = ANY (?::text[])"
                                            + " AND NOT EXISTS (SELECT 1 FROM report_revision rr WHERE rr.report_id ="
                                            + " r.report_id AND NOT rr.complete)",
                                    (Object) ids.toArray(String[]::new))
                            .forEach(r -> seen.put(r.get(0), Integer.parseInt(r.get(1))));
                    assertEquals(plan.finalRevision, seen);
                });
    }

    private static void assertExact(Plan plan, String cityA, String cityB) throws Exception {
        RollupChecks.assertRollupsEqualFacts(cityA, cityB);
        RollupChecks.assertIncrementalEqualsRecompute();
        plan.licences.forEach((slice, total) -> {
            String[] s = slice.split("\\|");
            Object sum = given().queryParam("city", s[0])
                    .queryParam("year", s[1])
                    .queryParam("indicator", "licensing_handled")
                    .get("/api/v1/rollups")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .get("[0].sum");
            assertEquals(0, total.compareTo(new BigDecimal(String.valueOf(sum))), slice + ": " + sum);
        });
        assertTrue(plan.licences.size() == 3, "every slice has reports left");
    }
}
