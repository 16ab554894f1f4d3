package io.fazhi.aggregate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.domain.rollup.RollupRepair;
import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in read benchmark (not part of {@code ./mvnw verify}): loads 100k synthetic reports (300 cities x 5 years x
 * 67 reports, 30 metrics each: about 3M metric rows) in bulk SQL, builds every rollup with the service's full
 * recompute, then measures p50/p95/p99 of {@code GET /api/v1/rollups?city=&year=} over HTTP.
 * Run: {@code ./mvnw -B -pl aggregate-service -am verify -Pbench -Dfazhi.bench.tests=RollupReadBenchmark}.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
@EnabledIfSystemProperty(named = "fazhi.bench", matches = "true")
class RollupReadBenchmark {
    static final int CITIES = Integer.getInteger("fazhi.bench.cities", 300);
    static final int YEARS = 5;
    static final int REPORTS_PER_SLICE = Integer.getInteger("fazhi.bench.reports-per-slice", 67);
    static final int METRICS = Integer.getInteger("fazhi.bench.metrics", 30);
    static final int REQUESTS = Integer.getInteger("fazhi.bench.requests", 5000);
    static final double TARGET_P99_MS = Double.parseDouble(System.getProperty("fazhi.bench.target-p99-ms", "10"));
    static final String INDICATORS = "ARRAY['licensing_handled','penalty_cases','inspections','enforcement_cases',"
            + "'reconsideration_cases','litigation_cases','court_appearance_rate','mediation_cases','petitions',"
            + "'normative_docs_issued','legality_reviews','info_disclosed','disclosure_requests',"
            + "'gov_service_items','training_sessions','trained_people','exam_rate','publicity_events',"
            + "'publicity_materials','funding','market_entities','projects','risk_points','satisfaction_rate',"
            + "'processing_time',NULL,NULL,NULL,NULL,NULL]";
    static final String UNITS = "ARRAY['件','件','次','件','件','件','%','件','件','件','件','条','件','项','场次','人次',"
            + "'%','场次','份','元','家','个','个','%','个工作日','件','人','项','次','份']";
    static final String KINDS = "ARRAY['count','count','count','count','count','count','percent','count','count',"
            + "'count','count','count','count','count','count','person','percent','count','count','money','count',"
            + "'count','count','percent','duration','count','person','count','count','count']";
    static final String CATEGORIES = "ARRAY['government_functions','law_enforcement','law_enforcement',"
            + "'law_enforcement','dispute_resolution','dispute_resolution','dispute_resolution','dispute_resolution',"
            + "'dispute_resolution','institutional_system','decision_making','power_oversight','power_oversight',"
            + "'government_functions','legal_capacity','legal_capacity','legal_capacity','legal_capacity',"
            + "'legal_capacity','government_functions','government_functions','government_functions',"
            + "'decision_making','government_functions','government_functions','other','other','other','other',"
            + "'other']";

    @Inject
    RollupRepair repair;

    @TestHTTPResource("/")
    URL root;

    @Test
    void rollupReadLatencyWith100kReports() throws Exception {
        int reports = CITIES * YEARS * REPORTS_PER_SLICE;
        long t0 = System.nanoTime();
        load(reports);
        long loaded = System.nanoTime();
        RollupRepair.Recomputed r = repair.recomputeAll();
        long recomputed = System.nanoTime();
        long slices = TestEvents.count("SELECT count(*) FROM slice_summary WHERE city LIKE '基准市%'");
        assertEquals(CITIES * YEARS, slices);
        try (Connection c = TestEvents.db();
                Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        long metricRows = TestEvents.count("SELECT count(*) FROM metric_fact WHERE report_id LIKE 'bench-%'");
        long rollupRows = TestEvents.count("SELECT count(*) FROM rollup WHERE city LIKE '基准市%'");
        System.out.printf(
                "%nBENCH loaded %,d reports, %,d metric rows in %.1f s; full recompute of %,d slices (%,d rollup "
                        + "rows, %,d in all) in %.1f s%n",
                reports, metricRows, (loaded - t0) / 1e9, slices, rollupRows, r.cells(), (recomputed - loaded) / 1e9);

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random rnd = new Random(1);
        measure(http, rnd, 3000, "warm-up", "/api/v1/rollups?city=%s&year=%d");
        System.out.println("BENCH load average before measuring (2 cores, shared): "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        double[] rollupMs =
                measure(http, rnd, REQUESTS, "GET /api/v1/rollups?city=&year=", "/api/v1/rollups?city=%s&year=%d");
        measure(
                http,
                rnd,
                REQUESTS / 5,
                "GET /api/v1/facts?city=&year=&indicator=licensing_handled",
                "/api/v1/facts?city=%s&year=%d&indicator=licensing_handled");
        assertTrue(rollupMs[2] <= TARGET_P99_MS, "p99 " + rollupMs[2] + " ms > " + TARGET_P99_MS + " ms");
    }

    private double[] measure(HttpClient http, Random rnd, int n, String what, String pathFormat) throws Exception {
        long[] nanos = new long[n];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            String city = URLEncoder.encode(cityName(rnd.nextInt(CITIES)), StandardCharsets.UTF_8);
            int year = 2019 + rnd.nextInt(YEARS);
            HttpRequest req = HttpRequest.newBuilder(
                            URI.create(root.toString().replaceAll("/$", "") + pathFormat.formatted(city, year)))
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            assertEquals(200, res.statusCode(), res.body());
            cells += res.body().length() > 2 ? 1 : 0;
        }
        assertEquals(n, cells, "every request found data");
        Arrays.sort(nanos);
        double[] p = {
            nanos[(int) (n * 0.50)] / 1e6,
            nanos[(int) (n * 0.95)] / 1e6,
            nanos[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6
        };
        System.out.printf(
                "BENCH %-55s n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                what, n, p[0], p[1], p[2], nanos[n - 1] / 1e6);
        return p;
    }

    static String cityName(int c) {
        return "基准市" + String.format("%03d", c);
    }

    /** Reports, sections and metrics in four set-based statements (generate_series). */
    private static void load(int reports) throws Exception {
        try (Connection c = TestEvents.db();
                Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            String slice = "(g / " + REPORTS_PER_SLICE + ")";
            String city = "'基准市' || lpad((" + slice + " / " + YEARS + ")::text, 3, '0')";
            String year = "(2019 + " + slice + " % " + YEARS + ")";
            s.execute("""
                    INSERT INTO report_revision (report_id, revision, extractor_version, section_count,
                        sections_received, complete, agency, city, district, level, year, published, title, compliance,
                        warnings, rollup_city, rollup_year, published_on, compliance_complete, published_on_time,
                        first_seen_at, completed_at, metric_count)
                    SELECT 'bench-' || g, 1, 'bench', 5, 5, true, '机构' || (g %% 40), %1$s,
                           CASE WHEN g %% 7 = 0 THEN NULL ELSE '区' || (g %% 6) END, 'bureau', %2$s,
                           (%2$s + 1) || '-03-15', NULL,
                           jsonb_build_object('measuresAndResults', true, 'shortcomings', true, 'leadersDuties', true,
                                              'nextYearPlans', true, 'otherMatters', g %% 3 <> 0),
                           '[]'::jsonb, %1$s, %2$s, make_date(%2$s + 1, 3, 15), g %% 3 <> 0, true, now(), now(), %4$d
                    FROM generate_series(0, %3$d) g
                    """.formatted(city, year, reports - 1, METRICS));
            s.execute("INSERT INTO report (report_id, current_revision, current_extractor) "
                    + "SELECT 'bench-' || g, 1, 'bench' FROM generate_series(0, " + (reports - 1) + ") g");
            s.execute("""
                    INSERT INTO section_fact (report_id, revision, extractor_version, section_index, heading, level,
                                              path, category, text_offset)
                    SELECT 'bench-' || g, 1, 'bench', i, '(' || i || ')标题', 2, '1.' || i,
                           (%s)[1 + i * 5], i * 100
                    FROM generate_series(0, %d) g, generate_series(0, 4) i
                    """.formatted(CATEGORIES, reports - 1));
            s.execute("""
                    INSERT INTO metric_fact (report_id, revision, extractor_version, section_index, position, category,
                                             value, unit, rollup_unit, unit_kind, approx, label, indicator, surface,
                                             sentence, text_offset)
                    SELECT 'bench-' || g, 1, 'bench', k %% 5, k / 5, (%1$s)[1 + k %% 30],
                           (abs(hashint4(g * 31 + k)) %% 1000) + 1, (%2$s)[1 + k %% 30], (%2$s)[1 + k %% 30],
                           (%3$s)[1 + k %% 30], CASE WHEN k %% 11 = 0 THEN 'more_than' END, '指标' || (k %% 30),
                           (%4$s)[1 + k %% 30], 'x', '全年完成某项工作若干件。', 100 + k
                    FROM generate_series(0, %5$d) g, generate_series(0, %6$d) k
                    """.formatted(CATEGORIES, UNITS, KINDS, INDICATORS, reports - 1, METRICS - 1));
        }
    }
}
