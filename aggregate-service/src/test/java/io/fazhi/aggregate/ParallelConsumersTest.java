package io.fazhi.aggregate;

import static io.fazhi.aggregate.TestEvents.allParts;
import static io.fazhi.aggregate.TestEvents.count;
import static io.fazhi.aggregate.TestEvents.info;
import static io.fazhi.aggregate.TestEvents.metric;
import static io.fazhi.aggregate.TestEvents.rows;
import static io.fazhi.aggregate.TestEvents.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.domain.AggregationService;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * Several consumers (three per instance in the test profile, on the six partitions of sections.v1) and direct
 * concurrent transactions give rollups that equal the sum of the facts exactly, with redeliveries and corrections
 * mixed in.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ParallelConsumersTest {
    private static final String[] DISTRICTS = {"蓬江区", "新会区", "台山市", null};
    private static final String[] KEYS = {"admin_licensing", "admin_penalties", "training_sessions"};

    @Inject
    AggregationService aggregation;

    /** What the test fed in: the final revision of each report and the expected total per (slice, key). */
    private static final class Plan {
        final List<SectionExtracted> events = new ArrayList<>();
        final Map<String, Integer> finalRevision = new HashMap<>();
        final Map<String, BigDecimal> expected = new HashMap<>();
    }

    /** Reports spread over three (city, year) slices; a fifth get a corrected revision; a quarter are redelivered. */
    private static Plan plan(String cityA, String cityB, int reports, long seed) {
        Random rnd = new Random(seed);
        Plan plan = new Plan();
        String[][] slices = {{cityA, "2021"}, {cityA, "2022"}, {cityB, "2021"}};
        for (int i = 0; i < reports; i++) {
            String id = UUID.randomUUID().toString();
            String[] slice = slices[i % slices.length];
            int revisions = i % 5 == 0 ? 2 : 1;
            for (int rev = 1; rev <= revisions; rev++) {
                int year = Integer.parseInt(slice[1]);
                var info = info(
                        "机构" + (i % 7),
                        slice[0],
                        DISTRICTS[rnd.nextInt(DISTRICTS.length)],
                        "bureau",
                        year,
                        year + 1 + "-03-0" + (1 + rnd.nextInt(9)),
                        allParts());
                List<MetricFact> m1 = new ArrayList<>();
                List<MetricFact> m2 = new ArrayList<>();
                BigDecimal licences = BigDecimal.valueOf(1 + rnd.nextInt(500));
                m1.add(metric(licences.toPlainString(), "件", "行政许可", "admin_licensing"));
                m1.add(metric(String.valueOf(80 + rnd.nextInt(20)), "%", "满意率", "satisfaction_rate"));
                BigDecimal licences2 = BigDecimal.valueOf(rnd.nextInt(50));
                m2.add(metric(licences2.toPlainString(), "件", "行政许可", "admin_licensing"));
                m2.add(metric(String.valueOf(1 + rnd.nextInt(30)), "场", "培训", KEYS[2]));
                m2.add(new MetricFact(
                        new BigDecimal(rnd.nextInt(9) + ".5"),
                        "万元",
                        "more_than",
                        "专项资金",
                        null,
                        "money",
                        "元",
                        "x",
                        "投入专项资金。",
                        3));
                var info2 = info;
                plan.events.add(section(id, rev, "v1", 0, 3, info2, "other", List.of()));
                plan.events.add(section(id, rev, "v1", 1, 3, info2, "government_functions", m1));
                plan.events.add(section(id, rev, "v1", 2, 3, info2, "law_enforcement", m2));
                if (rev == revisions) {
                    plan.finalRevision.put(id, rev);
                    plan.expected.merge(slice[0] + "|" + slice[1], licences.add(licences2), BigDecimal::add);
                }
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
    void severalConsumersOnSeveralPartitionsGiveExactRollups() throws Exception {
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
        // the events were consumed by several consumers of the group
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("aggregate-service"))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get("aggregate-service");
            assertTrue(group.members().size() >= 2, "consumers: " + group.members());
            long partitionsServed = group.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(Topics.SECTIONS)))
                    .count();
            assertTrue(partitionsServed >= 2, "members with sections.v1 partitions: " + partitionsServed);
        }
        assertRollupsEqualFacts(cityA, cityB);
        assertTotals(plan);
    }

    @Test
    void concurrentTransactionsOnTheSameReportsAndSlicesGiveExactRollups() throws Exception {
        String cityA = TestEvents.city("并发甲市");
        String cityB = TestEvents.city("并发乙市");
        Plan plan = plan(cityA, cityB, 40, 7);
        // six threads apply events directly, in any order: sections of one report and redeliveries race each other
        // as they would on two instances during a rebalance
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (SectionExtracted e : plan.events) {
            done.add(pool.submit(() -> aggregation.apply(e)));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        awaitFinal(plan);
        assertRollupsEqualFacts(cityA, cityB);
        assertTotals(plan);
    }

    private static void awaitFinal(Plan plan) {
        String ids = String.join("','", plan.finalRevision.keySet());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    List<List<String>> current =
                            rows("SELECT report_id, current_revision FROM report WHERE report_id IN ('" + ids
                                    + "') AND current_revision IS NOT NULL");
                    Map<String, Integer> seen = new HashMap<>();
                    current.forEach(r -> seen.put(r.get(0), Integer.parseInt(r.get(1))));
                    assertEquals(plan.finalRevision, seen);
                });
    }

    /** The rollup table against an independent aggregation of the current facts (v_metric_fact). */
    private static void assertRollupsEqualFacts(String cityA, String cityB) throws Exception {
        String cities = "('" + cityA + "','" + cityB + "')";
        List<List<String>> rollups = rows("""
                SELECT city, year, district, category, metric_key, label, unit, observations, reports, agencies,
                       sum, min, max, lower_bound
                FROM rollup WHERE city IN %s ORDER BY 1, 2, 3, 4, 5, 6, 7""".formatted(cities));
        List<List<String>> fromFacts = rows("""
                WITH f AS (SELECT city, year, district, category, coalesce(metric_key, '') AS mk,
                                  CASE WHEN metric_key IS NULL THEN coalesce(label, '') ELSE '' END AS lb,
                                  unit, value, approx, report_id, coalesce(agency, report_id) AS ag
                           FROM v_metric_fact WHERE city IN %s),
                     d AS (SELECT '' AS d, * FROM f UNION ALL SELECT district, * FROM f WHERE district IS NOT NULL)
                SELECT city, year, d, category, mk, lb, unit, count(*), count(DISTINCT report_id), count(DISTINCT ag),
                       CASE WHEN unit = '%%' THEN NULL ELSE sum(value) END, min(value), max(value),
                       bool_or(coalesce(approx = 'more_than', false))
                FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7""".formatted(cities));
        assertFalse(rollups.isEmpty());
        assertEquals(fromFacts, rollups);
        // and the slice summaries count the current reports
        assertEquals(
                count("SELECT count(*) FROM v_report WHERE city IN " + cities),
                count("SELECT sum(reports) FROM slice_summary WHERE city IN " + cities));
    }

    /** The API's admin_licensing sums equal the totals the test computed from what it sent. */
    private static void assertTotals(Plan plan) {
        plan.expected.forEach((slice, total) -> {
            String[] s = slice.split("\\|");
            // one cell per category that reported licences
            List<String> sums = given().queryParam("city", s[0])
                    .queryParam("year", s[1])
                    .queryParam("metricKey", "admin_licensing")
                    .get("/api/v1/rollups")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("sum", String.class);
            BigDecimal api = sums.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, total.compareTo(api), slice + ": " + sums);
        });
    }
}
