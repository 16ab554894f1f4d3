package io.fazhi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fazhi.contracts.Topics;
import io.fazhi.deploy.LocalStack.Service;
import io.fazhi.infra.Ports;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graceful restarts: while reports stream in, each service in turn gets SIGTERM and comes back. Afterwards every
 * accepted report is aggregated exactly once: the rollups equal N times the facts of one report. Tracing is
 * switched on with a local OTLP receiver, and one upload's trace id must reach all three services.
 */
class RollingRestartTest {
    private static final int REPORTS = 18;
    private static final String CITY = "重启测试市";

    private static LocalStack stack;
    private static HttpServer otlp;
    private static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        otlp = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 0);
        otlp.createContext("/v1/traces", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                EXPORTS.add(in.readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        otlp.start();
        Path repo =
                Path.of(System.getProperty("fazhi.repo", "..")).toAbsolutePath().normalize();
        stack = LocalStack.start(
                new LocalStack.Options(
                        repo,
                        Files.createTempDirectory("fazhi-restart"),
                        true,
                        0,
                        0,
                        new EnumMap<>(Service.class),
                        "prod"),
                Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED",
                        "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
                        "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                        "http://127.0.0.1:" + otlp.getAddress().getPort(),
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY",
                        "200ms"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (otlp != null) {
            otlp.stop(0);
        }
    }

    @Test
    void restartingEachServiceDuringUploadsLosesNothingAndCountsNothingTwice() throws Exception {
        String text = Files.readString(
                Path.of(System.getProperty("fazhi.repo", ".."))
                        .resolve("deploy/samples/jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"),
                StandardCharsets.UTF_8);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> uploads = CompletableFuture.runAsync(() -> {
            Random random = new Random(7);
            for (int i = 0; i < REPORTS; i++) {
                String marker = "\n(内部编号 " + letters(random) + ")\n";
                ids.add(uploadWithRetry(text + marker));
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

        // one report's facts, times N, must be the city's rollups, exactly
        JsonNode facts = LocalStack.getJson(stack.url(Service.AGGREGATE) + "/api/v1/facts/" + ids.get(0));
        Map<String, BigDecimal[]> perReport = new TreeMap<>();
        for (JsonNode section : facts.get("sections")) {
            for (JsonNode m : section.get("metrics")) {
                if (!m.path("indicator").isTextual()) {
                    continue; // a one-off figure: a fact, not a rollup cell
                }
                String key =
                        m.get("indicator").asText() + "|" + m.get("rollupUnit").asText();
                perReport.merge(
                        key, new BigDecimal[] {BigDecimal.ONE, m.get("value").decimalValue()}, (a, b) ->
                                new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            }
        }
        assertFalse(perReport.isEmpty(), "the report has metrics");
        JsonNode rollups = LocalStack.getJson(stack.url(Service.AGGREGATE) + "/api/v1/rollups?size=1000&city="
                + URLEncoder.encode(CITY, StandardCharsets.UTF_8));
        assertEquals(perReport.size(), rollups.size(), "rollup cells");
        BigDecimal n = BigDecimal.valueOf(REPORTS);
        for (JsonNode r : rollups) {
            String key = r.get("indicator").asText() + "|" + r.get("unit").asText();
            BigDecimal[] one = perReport.get(key);
            assertNotNull(one, "unexpected cell " + key);
            assertEquals(0, one[0].multiply(n).compareTo(r.get("observations").decimalValue()), key);
            assertEquals(REPORTS, r.get("reports").asInt(), key);
            if (!r.get("sum").isNull()) {
                assertEquals(0, one[1].multiply(n).compareTo(r.get("sum").decimalValue()), key);
            }
        }

        assertTraceReachesAllThreeServices(ids.get(ids.size() - 1));
    }

    private void assertTraceReachesAllThreeServices(String reportId) throws Exception {
        String traceparent = traceparentOf(reportId);
        String traceId = traceparent.split("-")[1];
        byte[] id = HexFormat.of().parseHex(traceId);
        Set<String> services = new java.util.TreeSet<>();
        Instant deadline = Instant.now().plusSeconds(20);
        while (services.size() < 3 && Instant.now().isBefore(deadline)) {
            for (byte[] export : EXPORTS) {
                if (indexOf(export, id) >= 0) {
                    String s = new String(export, StandardCharsets.ISO_8859_1);
                    for (Service svc : Service.values()) {
                        if (s.contains(svc.dir)) {
                            services.add(svc.dir);
                        }
                    }
                }
            }
            Thread.sleep(300);
        }
        assertEquals(
                Set.of("aggregate-service", "extract-service", "ingest-service"),
                services,
                "services that exported spans of trace " + traceId);
    }

    private String traceparentOf(String reportId) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infra().kafka().bootstrapServers(),
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
    private static String uploadWithRetry(String text) {
        Instant deadline = Instant.now().plusSeconds(120);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return stack.upload(text, null, CITY, null, 2019);
            } catch (RuntimeException e) {
                last = e;
                sleep(300);
            }
        }
        throw new AssertionError("upload never accepted", last);
    }

    private static String letters(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static void awaitSize(List<String> ids, int n) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (ids.size() < n) {
            assertTrue(Instant.now().isBefore(deadline), "uploads stalled at " + ids.size());
            sleep(100);
        }
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
