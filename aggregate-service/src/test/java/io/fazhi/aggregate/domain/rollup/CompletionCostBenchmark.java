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
 * -Dfazhi.bench.tests=CompletionCostBenchmark}.
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

    /** A slice being measured: its city, its counted reports, and the timings. */
    private static final class Slice {
        final int size;
        final String city = TestEvents.city("成本市");
        final List<String> ids = new ArrayList<>();
        final Map<String, Integer> revisions = new HashMap<>();
        final double[] fresh = new double[SAMPLES];
        final double[] corrections = new double[SAMPLES];
        double fillSeconds;

        Slice(int size) {
            this.size = size;
        }
    }

    @Test
    void theCostOfCompletingAReportIsFlatInTheSizeOfItsSlice() throws Exception {
        Random rnd = new Random(11);
        List<Slice> slices = new ArrayList<>();
        for (int size : SLICES) {
            Slice slice = new Slice(size);
            long t0 = System.nanoTime();
            List<SectionFacts> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String id = TestEvents.id();
                slice.ids.add(id);
                batch.addAll(report(id, 1, slice.city, i, rnd));
                if (batch.size() >= 480) {
                    aggregation.apply(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                aggregation.apply(batch);
            }
            slice.fillSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(size, TestEvents.count("SELECT reports FROM slice_summary WHERE city = ?", slice.city));
            for (int w = 0; w < 5; w++) { // warm-up
                aggregation.apply(report(TestEvents.id(), 1, slice.city, size + w, rnd));
            }
            slices.add(slice);
        }
        // in rounds over the slices, so that the load of the machine weighs on every slice alike
        for (int s = 0; s < SAMPLES; s++) {
            for (Slice slice : slices) {
                List<SectionFacts> one = report(TestEvents.id(), 1, slice.city, slice.size + 5 + s, rnd);
                long start = System.nanoTime();
                aggregation.apply(one);
                slice.fresh[s] = (System.nanoTime() - start) / 1e6;
                String counted = slice.ids.get(rnd.nextInt(slice.ids.size()));
                int revision = slice.revisions.merge(counted, 1, Integer::sum) + 1;
                List<SectionFacts> fix = report(counted, revision, slice.city, rnd.nextInt(slice.size), rnd);
                start = System.nanoTime();
                aggregation.apply(fix);
                slice.corrections[s] = (System.nanoTime() - start) / 1e6;
            }
        }
        StringBuilder out = new StringBuilder("\nBENCH cost of completing one report (" + SECTIONS + " sections, "
                + SECTIONS * METRICS_PER_SECTION + " metrics, one batch transaction), " + SAMPLES + " samples each:\n");
        double first = median(slices.get(0).fresh);
        for (Slice slice : slices) {
            out.append(String.format(
                    "BENCH slice of %,6d reports (filled in %.1f s): new report p50 %.1f ms p90 %.1f ms;"
                            + " correction p50 %.1f ms p90 %.1f ms; new report p50 / first slice's %.2f%n",
                    slice.size,
                    slice.fillSeconds,
                    median(slice.fresh),
                    percentile(slice.fresh, 0.9),
                    median(slice.corrections),
                    percentile(slice.corrections, 0.9),
                    median(slice.fresh) / first));
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
