package io.fazhi.aggregate.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in benchmark (not part of {@code ./mvnw verify}): the cost of completing one report in a (city, year) slice of
 * 10, 1,000 and 10,000 reports. Each slice is filled through the service's own batch path, then new reports (and
 * corrections of reports already counted) are completed one batch each and timed: the transaction that stores the
 * facts, makes the revision current and changes the rollups. With rollups maintained incrementally the cost is the
 * report's, not the slice's. Run: {@code ./mvnw -B -pl aggregate-service -am verify -Pbench
 * -Dtest=CompletionCostBenchmark}.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
@EnabledIfSystemProperty(named = "fazhi.bench", matches = "true")
class CompletionCostBenchmark {
    static final int[] SLICES = Arrays.stream(
                    System.getProperty("fazhi.bench.slices", "10,1000,10000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    static final int SAMPLES = Integer.getInteger("fazhi.bench.samples", 40);
    static final int SECTIONS = 6;
    static final int METRICS_PER_SECTION = 5;
    static final String[] INDICATORS = {
        "licensing_handled",
        "licensing_items",
        "gov_service_items",
        "funding",
        "satisfaction_rate",
        "normative_docs_issued",
        "legality_reviews",
        "penalty_cases",
        "inspections",
        "reconsideration_cases",
        "mediation_cases",
        "info_disclosed",
        "training_sessions",
        "trained_people",
        "publicity_events",
        "publicity_materials",
        "study_sessions",
        "market_entities",
        "projects",
        "completion_rate"
    };
    static final String[] DISTRICTS = {"蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市", null};

    @Inject
    BatchAggregation aggregation;

    @Test
    void theCostOfCompletingAReportIsFlatInTheSizeOfItsSlice() throws Exception {
        Random rnd = new Random(11);
        StringBuilder out = new StringBuilder("\nBENCH cost of completing one report (" + SECTIONS + " sections, "
                + SECTIONS * METRICS_PER_SECTION + " metrics, one batch transaction):\n");
        double first = 0;
        for (int size : SLICES) {
            String city = TestEvents.city("成本市");
            List<String> ids = new ArrayList<>();
            long t0 = System.nanoTime();
            List<SectionFacts> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String id = TestEvents.id();
                ids.add(id);
                batch.addAll(report(id, 1, city, i, rnd));
                if (batch.size() >= 480) {
                    aggregation.apply(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                aggregation.apply(batch);
            }
            double fill = (System.nanoTime() - t0) / 1e9;
            assertEquals(size, TestEvents.count("SELECT reports FROM slice_summary WHERE city = ?", city));
            // warm-up, then new reports and corrections of counted ones, alternately
            for (int w = 0; w < 5; w++) {
                aggregation.apply(report(TestEvents.id(), 1, city, size + w, rnd));
            }
            Map<String, Integer> revisions = new HashMap<>();
            double[] fresh = new double[SAMPLES];
            double[] corrections = new double[SAMPLES];
            for (int s = 0; s < SAMPLES; s++) {
                List<SectionFacts> one = report(TestEvents.id(), 1, city, size + 5 + s, rnd);
                long start = System.nanoTime();
                aggregation.apply(one);
                fresh[s] = (System.nanoTime() - start) / 1e6;
                String counted = ids.get(rnd.nextInt(ids.size()));
                int revision = revisions.merge(counted, 1, Integer::sum) + 1;
                List<SectionFacts> fix = report(counted, revision, city, rnd.nextInt(size), rnd);
                start = System.nanoTime();
                aggregation.apply(fix);
                corrections[s] = (System.nanoTime() - start) / 1e6;
            }
            double median = median(fresh);
            if (first == 0) {
                first = median;
            }
            out.append(String.format(
                    "BENCH slice of %,6d reports (filled in %.1f s): new report p50 %.1f ms p90 %.1f ms;"
                            + " correction p50 %.1f ms p90 %.1f ms; ratio to the first slice %.2f%n",
                    size,
                    fill,
                    median,
                    percentile(fresh, 0.9),
                    median(corrections),
                    percentile(corrections, 0.9),
                    median / first));
        }
        out.append("BENCH load average (2 cores, shared): ")
                .append(Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(out);
    }

    /** A report of the slice: six sections of five metrics over twenty indicators, one agency of its own. */
    private static List<SectionFacts> report(String id, int revision, String city, int n, Random rnd) {
        String district = DISTRICTS[n % DISTRICTS.length];
        ReportInfo info = TestEvents.info("机构" + n, city, district, 2022);
        List<SectionFacts> sections = new ArrayList<>();
        for (int s = 0; s < SECTIONS; s++) {
            List<MetricFact> metrics = new ArrayList<>();
            for (int m = 0; m < METRICS_PER_SECTION; m++) {
                String indicator = INDICATORS[(s * METRICS_PER_SECTION + m + n) % INDICATORS.length];
                boolean rate = indicator.endsWith("_rate");
                metrics.add(TestEvents.metric(
                        String.valueOf(rate ? 80 + rnd.nextInt(20) : 1 + rnd.nextInt(1000)),
                        rate ? "%" : "件",
                        "指标",
                        indicator));
            }
            SectionExtracted e =
                    TestEvents.section(id, revision, "bench", s, SECTIONS, info, "government_functions", metrics);
            sections.add(SectionFacts.of(e));
        }
        return sections;
    }

    private static double median(double[] ms) {
        return percentile(ms, 0.5);
    }

    private static double percentile(double[] ms, double p) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
