package io.fazhi.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.Topics;
import io.fazhi.deploy.LocalStack.Service;
import io.fazhi.deploy.load.ExpectedRollups;
import io.fazhi.deploy.load.GeneratedReport;
import io.fazhi.deploy.load.ReportVariants;
import io.fazhi.deploy.load.RollupComparison;
import io.fazhi.engine.Extractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graceful restarts: while reports stream in, each service in turn gets SIGTERM and comes back. Afterwards every
 * accepted report is aggregated exactly once: the rollups equal the engine's metrics of the accepted texts. Tracing
 * is switched on with a local OTLP receiver (the shared stack's), and one upload's trace id must reach all three
 * services.
 */
class RollingRestartTest {
    private static final int REPORTS = 18;
    private static final String CITY = "重启测试市";

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
    }

    @Test
    void restartingEachServiceDuringUploadsLosesNothingAndCountsNothingTwice() throws Exception {
        ReportVariants variants = new ReportVariants(SharedStack.repo(), "restart-" + UUID.randomUUID());
        ReportVariants.Slice slice = new ReportVariants.Slice(CITY, 2019);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Map<String, GeneratedReport> reports = new java.util.concurrent.ConcurrentHashMap<>();
        CompletableFuture<Void> uploads = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < REPORTS; i++) {
                GeneratedReport report = variants.variant(i, slice);
                String id = uploadWithRetry(report);
                reports.put(id, report);
                ids.add(id);
                sleep(400);
            }
        });
        awaitSize(ids, 3);
        stack.restart(Service.INGEST);
        awaitSize(ids, 8);
        stack.restart(Service.EXTRACT);
        awaitSize(ids, 12);
        stack.restart(Service.AGGREGATE);
        uploads.get(4, TimeUnit.MINUTES);

        assertEquals(REPORTS, new LinkedHashSet<>(ids).size(), "every upload is its own report");
        stack.awaitAggregated(ids, Duration.ofMinutes(3));

        // the city's rollups equal the engine's metrics of the accepted texts, each counted once
        ExpectedRollups expected = new ExpectedRollups(new Extractor());
        reports.forEach(expected::add);
        RollupComparison.Result result = RollupComparison.compare(stack.url(Service.AGGREGATE), expected);
        assertTrue(result.expectedCells() > 0, "the reports have rollup cells");
        assertEquals(List.of(), result.wrong(), "wrong rollup cells");

        assertTraceReachesAllThreeServices(ids.get(ids.size() - 1));
    }

    private void assertTraceReachesAllThreeServices(String reportId) throws Exception {
        String traceparent = traceparentOf(reportId);
        String traceId = traceparent.split("-")[1];
        byte[] id = HexFormat.of().parseHex(traceId);
        Set<String> services = new java.util.concurrent.ConcurrentSkipListSet<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (byte[] export : SharedStack.traceExports()) {
                if (indexOf(export, id) >= 0) {
                    String s = new String(export, StandardCharsets.ISO_8859_1);
                    for (Service svc : Service.values()) {
                        if (s.contains(svc.dir)) {
                            services.add(svc.dir);
                        }
                    }
                }
            }
            return services.size() == 3;
        });
        assertEquals(
                Set.of("aggregate-service", "extract-service", "ingest-service"),
                services,
                "services that exported spans of trace " + traceId);
    }

    private String traceparentOf(String reportId) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.backends().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "restart-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            c.subscribe(List.of(Topics.REPORTS));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    Header h = r.headers().lastHeader("traceparent");
                    if (reportId.equals(r.key()) && h != null) {
                        return new String(h.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("no traceparent header on the report record of " + reportId);
    }

    /** An office's client: retries while the API restarts (connection refused, 503). */
    private static String uploadWithRetry(GeneratedReport report) {
        Instant deadline = Instant.now().plusSeconds(120);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return stack.upload(report.text(), report.agency(), report.city(), null, report.year());
            } catch (RuntimeException e) {
                last = e;
                sleep(300);
            }
        }
        throw new AssertionError("upload never accepted", last);
    }

    private static void awaitSize(List<String> ids, int n) {
        await().atMost(Duration.ofSeconds(120)).until(() -> ids.size() >= n);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
