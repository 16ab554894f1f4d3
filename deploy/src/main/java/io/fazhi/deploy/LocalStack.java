package io.fazhi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fazhi.infra.EmbeddedPostgresServer;
import io.fazhi.infra.Infra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on one machine: embedded Kafka and PostgreSQL in this JVM, and the three services as child
 * processes started from their packaged jars. Used by {@code deploy/local/up} and by the end-to-end test.
 */
public final class LocalStack implements AutoCloseable {
    public enum Service {
        INGEST("ingest-service", true),
        EXTRACT("extract-service", false),
        AGGREGATE("aggregate-service", true);

        final String dir;
        final boolean usesDatabase;

        Service(String dir, boolean usesDatabase) {
            this.dir = dir;
            this.usesDatabase = usesDatabase;
        }
    }

    /** Where and how to run. Port 0 picks a free port. */
    public record Options(
            Path repo,
            Path dataDir,
            boolean fresh,
            int kafkaPort,
            int postgresPort,
            Map<Service, Integer> ports,
            String profile) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** ingest-service URL -> an operator's bearer token for it: the helpers below authenticate their calls */
    private static final Map<String, String> INGEST_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Options options;
    private final Infra infra;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> extraEnv;

    private LocalStack(Options options, Infra infra, Map<String, String> extraEnv) {
        this.options = options;
        this.infra = infra;
        this.extraEnv = extraEnv;
    }

    /** Starts Kafka, PostgreSQL and the three services, and returns once every service is ready. */
    public static LocalStack start(Options options) {
        return start(options, Map.of());
    }

    /** As {@link #start(Options)}, with extra environment variables for every service (e.g. tracing). */
    public static LocalStack start(Options options, Map<String, String> extraEnv) {
        Infra infra = Infra.start(options.dataDir(), options.kafkaPort(), options.postgresPort(), options.fresh());
        LocalStack stack = new LocalStack(options, infra, extraEnv);
        try {
            for (Service s : Service.values()) {
                stack.startService(s);
            }
            for (Service s : Service.values()) {
                stack.awaitReady(s, Duration.ofSeconds(120));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Infra infra() {
        return infra;
    }

    public String url(Service s) {
        return "http://127.0.0.1:" + ports.get(s);
    }

    public Path logFile(Service s) {
        return options.dataDir().resolve("logs").resolve(s.dir + ".log");
    }

    public long pid(Service s) {
        return processes.get(s).pid();
    }

    private void startService(Service s) {
        Path jar = options.repo().resolve(s.dir).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        int port = ports.getOrDefault(s, options.ports().getOrDefault(s, 0));
        if (port == 0) {
            port = io.fazhi.infra.Ports.free();
        }
        ports.put(s, port);
        try {
            Path log = logFile(s);
            Files.createDirectories(log.getParent());
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(
                            java, "-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = pb.environment();
            env.put("QUARKUS_PROFILE", options.profile());
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
            env.putAll(extraEnv);
            if (s == Service.INGEST) {
                // tokens are signed by a key pair generated in the data directory (deploy/local/token)
                env.put(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        LocalKeys.ensure(options.dataDir()).toUri().toString());
                env.put("MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER);
                INGEST_TOKENS.put(
                        "http://127.0.0.1:" + port,
                        "Bearer " + LocalKeys.operatorToken(options.dataDir(), Duration.ofDays(7)));
            }
            if (s.usesDatabase) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl());
                env.put("DB_USER", EmbeddedPostgresServer.USER);
                env.put("DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
            }
            processes.put(s, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + s.dir + " failed", e);
        }
    }

    /**
     * Stops one service as Kubernetes would (SIGTERM, SIGKILL only after the grace period) and starts it again on
     * the same port; returns once it is ready.
     */
    public void restart(Service s) {
        Process p = processes.remove(s);
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        startService(s);
        awaitReady(s, Duration.ofSeconds(120));
    }

    private void awaitReady(Service s, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(s).isAlive()) {
                throw new IllegalStateException(s.dir + " exited; see " + logFile(s));
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url(s) + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(s.dir + " not ready after " + timeout + "; see " + logFile(s));
    }

    /** One sample report of {@code deploy/samples/samples.json}. */
    public record Sample(String file, String agency, String city, String district, Integer year) {}

    public static List<Sample> samples(Path repo) {
        try {
            JsonNode list =
                    JSON.readTree(repo.resolve("deploy/samples/samples.json").toFile());
            List<Sample> samples = new ArrayList<>();
            for (JsonNode n : list) {
                samples.add(new Sample(
                        n.get("file").asText(),
                        text(n, "agency"),
                        text(n, "city"),
                        text(n, "district"),
                        n.hasNonNull("year") ? n.get("year").asInt() : null));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads one sample through the API and returns the report id. */
    public String upload(Sample sample) {
        try {
            String text = Files.readString(
                    options.repo().resolve("deploy/samples").resolve(sample.file()), StandardCharsets.UTF_8);
            return upload(text, sample.agency(), sample.city(), sample.district(), sample.year());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a report as JSON and returns its id; fails unless the API answered 202 or 200. */
    public String upload(String text, String agency, String city, String district, Integer year) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("text", text);
            body.put("agency", agency);
            body.put("city", city);
            body.put("district", district);
            if (year != null) {
                body.put("year", year);
            }
            HttpResponse<String> r =
                    post(url(Service.INGEST) + "/api/v1/reports", "application/json", JSON.writeValueAsString(body));
            if (r.statusCode() != 202 && r.statusCode() != 200) {
                throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every report is AGGREGATED; fails on FAILED or at the timeout. */
    public void awaitAggregated(List<String> ids, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> pending = new ArrayList<>(ids);
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not aggregated after " + timeout + ": " + pending);
            }
            for (String id : List.copyOf(pending)) {
                JsonNode status = getJson(url(Service.INGEST) + "/api/v1/reports/" + id);
                String s = status.get("status").asText();
                if ("FAILED".equals(s)) {
                    throw new IllegalStateException(
                            "report " + id + " FAILED: " + status.path("reason").asText());
                }
                if ("AGGREGATED".equals(s)) {
                    pending.remove(id);
                }
            }
            if (!pending.isEmpty()) {
                sleep(300);
            }
        }
    }

    public static JsonNode getJson(String url) {
        try {
            HttpResponse<String> r = HTTP.send(
                    withToken(HttpRequest.newBuilder(URI.create(url)), url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(String url, String contentType, String body) {
        try {
            return HTTP.send(
                    withToken(HttpRequest.newBuilder(URI.create(url)), url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", contentType + "; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls to ingest-service carry an operator's token (uploads and status reads need one). */
    private static HttpRequest.Builder withToken(HttpRequest.Builder b, String url) {
        INGEST_TOKENS.forEach((base, token) -> {
            if (url.startsWith(base + "/")) {
                b.header("Authorization", token);
            }
        });
        return b;
    }

    /** Stops the services (SIGTERM, then SIGKILL after 20 s), then Kafka and PostgreSQL. */
    @Override
    public void close() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        infra.close();
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
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
