package io.fazhi.ingest.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.SampleReports;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The cost of one upload through HTTP on real PostgreSQL and Kafka: distinct reports (a sample's text with a
 * third of its characters replaced) uploaded as JSON by 8 clients; prints uploads/s, latency percentiles, PostgreSQL commits per
 * upload and the time until the outbox has published them all. A benchmark, not a test: it runs only with
 * {@code -Pbench-ingest} ({@code ./mvnw -q -pl ingest-service -am -Pbench-ingest verify -Dtest=UploadLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}).
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class UploadLoadBenchmark {
    private static final int UPLOADS = Integer.getInteger("fazhi.bench.uploads", 2000);
    private static final int CLIENTS = Integer.getInteger("fazhi.bench.clients", 8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/reports")
    URI reports;

    @Test
    void uploads() throws Exception {
        assumeTrue(Boolean.getBoolean("fazhi.bench"), "a benchmark: run with -Pbench-ingest");
        List<String> texts =
                SampleReports.all().stream().map(SampleReports.Sample::text).toList();
        List<String> bodies = new ArrayList<>(UPLOADS);
        java.util.Random random = new java.util.Random(13);
        for (int i = 0; i < UPLOADS; i++) {
            String agency = Samples.unique("江门市测试局");
            String text = agency + "2019年法治政府建设年度报告\n" + distinct(texts.get(i % texts.size()), random);
            bodies.add(JSON.writeValueAsString(Map.of("text", text, "agency", agency, "city", "江门市", "year", 2019)));
        }
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(CLIENTS))
                .build();
        String token = Tokens.operator();
        // warm up the JIT and the pool on 200 uploads, then measure
        run(http, token, bodies.subList(0, 200));
        long commitsBefore = commits();
        long start = System.nanoTime();
        List<Long> latencies = run(http, token, bodies.subList(200, bodies.size()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long commits = commits() - commitsBefore;
        await().atMost(Duration.ofMinutes(5))
                .until(() -> Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE published_at IS NULL") == 0);
        double drained = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        int n = latencies.size();
        System.out.printf(
                "UPLOAD BENCHMARK: %d uploads by %d clients in %.1f s = %.0f uploads/s; latency p50 %.1f ms, p95 %.1f"
                        + " ms, p99 %.1f ms; %.2f PostgreSQL commits per upload (lookup, insert, relay batches);"
                        + " all published %.1f s after the first%n",
                n,
                CLIENTS,
                seconds,
                n / seconds,
                latencies.get(n / 2) / 1e6,
                latencies.get(n * 95 / 100) / 1e6,
                latencies.get(n * 99 / 100) / 1e6,
                commits / (double) n,
                drained);
    }

    /**
     * A report of the sample's size and layout that is no near duplicate of it or of another: a third of its Chinese
     * characters replaced by others of the same text (so it stays Simplified Chinese; a shingle of five survives
     * with probability 0.13).
     */
    private static String distinct(String sample, java.util.Random random) {
        StringBuilder han = new StringBuilder();
        sample.chars().filter(c -> c >= 0x4e00 && c <= 0x9fa5).forEach(c -> han.append((char) c));
        StringBuilder b = new StringBuilder(sample.length());
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            boolean isHan = c >= 0x4e00 && c <= 0x9fa5;
            b.append(isHan && random.nextInt(3) == 0 ? han.charAt(random.nextInt(han.length())) : c);
        }
        return b.toString();
    }

    private List<Long> run(HttpClient http, String token, List<String> bodies) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (String body : bodies) {
                results.add(clients.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(reports)
                                    .header("Authorization", token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    return System.nanoTime() - t;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : results) {
                latencies.add(f.get());
            }
            return latencies;
        } finally {
            clients.shutdown();
        }
    }

    private static long commits() {
        return Db.scalar("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }
}
