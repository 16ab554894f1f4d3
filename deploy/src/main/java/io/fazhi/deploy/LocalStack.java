package io.fazhi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fazhi.deploy.process.Backends;
import io.fazhi.deploy.process.InJvmBackends;
import io.fazhi.deploy.process.SeparateProcessBackends;
import io.fazhi.infra.EmbeddedPostgresServer;
import io.fazhi.infra.FreePorts;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on one machine: Kafka and PostgreSQL ({@link Backends}: inside this JVM for the local run and
 * the end-to-end tests, or as processes of their own for the fault soak and the benchmark), and the three services
 * as child processes started from their packaged jars ({@code target/quarkus-app}). A service can be stopped
 * gently, killed with SIGKILL and started again on the same port.
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

        /** The module directory, also the service's name in logs and traces. */
        public String dir() {
            return dir;
        }
    }

    /** Where Kafka and PostgreSQL run. */
    public enum BackendKind {
        /** embedded-infra in this JVM (PostgreSQL without fsync): the local run and the end-to-end tests */
        IN_JVM,
        /** separate processes with production durability, each killable: the fault soak and the benchmark */
        SEPARATE_PROCESSES
    }

    /**
     * Where and how to run. Port 0 picks a free port.
     *
     * @param env extra environment variables for every service (e.g. tracing, consumer counts)
     */
    public record Options(
            Path repo,
            Path dataDir,
            boolean fresh,
            int kafkaPort,
            int postgresPort,
            Map<Service, Integer> ports,
            String profile,
            BackendKind backends,
            Map<String, String> env) {

        /** Fresh data in {@code dataDir}, free ports, the prod profile, Kafka and PostgreSQL in this JVM. */
        public static Options fresh(Path repo, Path dataDir) {
            return new Options(
                    repo, dataDir, true, 0, 0, new EnumMap<>(Service.class), "prod", BackendKind.IN_JVM, Map.of());
        }

        public Options withBackends(BackendKind kind) {
            return new Options(repo, dataDir, fresh, kafkaPort, postgresPort, ports, profile, kind, env);
        }

        public Options withEnv(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(env);
            all.putAll(more);
            return new Options(repo, dataDir, fresh, kafkaPort, postgresPort, ports, profile, backends, all);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** ingest-service URL -> an operator's bearer token for it: the helpers below authenticate their calls */
    private static final Map<String, String> INGEST_TOKENS = new ConcurrentHashMap<>();

    private final Options options;
    private final Backends backends;
    private final Map<Service, Process> processes = new ConcurrentHashMap<>();
    private final Map<Service, Integer> ports = new ConcurrentHashMap<>();
    private boolean closed;

    private LocalStack(Options options, Backends backends) {
        this.options = options;
        this.backends = backends;
    }

    /** Starts Kafka, PostgreSQL and the three services, and returns once every service is ready. */
    public static LocalStack start(Options options) {
        Backends backends = switch (options.backends()) {
            case IN_JVM ->
                InJvmBackends.start(options.dataDir(), options.kafkaPort(), options.postgresPort(), options.fresh());
            case SEPARATE_PROCESSES ->
                SeparateProcessBackends.start(
                        options.dataDir(), options.kafkaPort(), options.postgresPort(), options.fresh());
        };
        LocalStack stack = new LocalStack(options, backends);
        // Ctrl-C or SIGTERM to the JVM that started the stack (a benchmark, a soak, a test run) stops its processes too
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            for (Service s : Service.values()) {
                stack.startService(s);
            }
            for (Service s : Service.values()) {
                stack.awaitReady(s, Duration.ofMinutes(5));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** As {@link #start(Options)}, with extra environment variables for every service (e.g. tracing). */
    public static LocalStack start(Options options, Map<String, String> extraEnv) {
        return start(options.withEnv(extraEnv));
    }

    public Backends backends() {
        return backends;
    }

    /** The broker and PostgreSQL processes; only with {@link BackendKind#SEPARATE_PROCESSES}. */
    public SeparateProcessBackends processes() {
        if (backends instanceof SeparateProcessBackends p) {
            return p;
        }
        throw new IllegalStateException("Kafka and PostgreSQL run inside this JVM");
    }

    public Path dataDir() {
        return options.dataDir();
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

    /** Starts a service that is not running (after {@link #kill(Service)}) on its port; does not wait. */
    public void startService(Service s) {
        Path jar = options.repo().resolve(s.dir).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        int port = ports.getOrDefault(s, options.ports().getOrDefault(s, 0));
        if (port == 0) {
            port = FreePorts.free();
        }
        ports.put(s, port);
        try {
            Path log = logFile(s);
            Files.createDirectories(log.getParent());
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command =
                    new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
            command.addAll(extraJvmOptions(s));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = pb.environment();
            env.put("QUARKUS_PROFILE", options.profile());
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("KAFKA_BOOTSTRAP_SERVERS", backends.bootstrapServers());
            env.putAll(options.env());
            if (s == Service.INGEST || s == Service.AGGREGATE) {
                // tokens are signed by a key pair generated in the data directory (deploy/local/token): uploads,
                // and aggregate's operator-only recompute (its reads stay open)
                env.put(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        LocalKeys.ensure(options.dataDir()).toUri().toString());
                env.put("MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER);
            }
            if (s == Service.INGEST) {
                INGEST_TOKENS.put(url(s), operatorToken());
            }
            if (s.usesDatabase) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", backends.jdbcUrl());
                env.put("DB_USER", EmbeddedPostgresServer.USER);
                env.put("DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
            }
            processes.put(s, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + s.dir + " failed", e);
        }
    }

    /**
     * JVM options for a service from {@code FAZHI_SERVICE_JAVA_OPTS} (split on spaces; {@code {service}} is replaced
     * by the service's directory name), e.g. {@code -XX:StartFlightRecording=filename=/tmp/{service}.jfr} to profile
     * the benchmark's services.
     */
    private static List<String> extraJvmOptions(Service s) {
        String opts = System.getenv("FAZHI_SERVICE_JAVA_OPTS");
        if (opts == null || opts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(opts.trim().split("\\s+"))
                .map(o -> o.replace("{service}", s.dir))
                .toList();
    }

    /** An operator's bearer token ({@code Bearer …}) for this stack's ingest-service, valid for a week. */
    public String operatorToken() {
        return "Bearer " + LocalKeys.operatorToken(options.dataDir(), Duration.ofDays(7));
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

    /** SIGKILL, as a crashed pod: no shutdown hook runs, nothing is committed. */
    public void kill(Service s) {
        Process p = processes.remove(s);
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the service answers its readiness probe with 200. */
    public void awaitReady(Service s, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process p = processes.get(s);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(s.dir + " exited; see " + logFile(s));
            }
            if (health(s, "ready").statusCode() == 200) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException(s.dir + " not ready after " + timeout + "; see " + logFile(s));
    }

    /** A health endpoint's answer ({@code live}, {@code ready} or {@code ""} for both); status 0 when not listening. */
    public Health health(Service s, String which) {
        String url = url(s) + "/q/health" + (which.isEmpty() ? "" : "/" + which);
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Health(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Health(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer of a health endpoint: its HTTP status (0: no answer) and body (the checks, JSON). */
    public record Health(int statusCode, String body) {
        public boolean up() {
            return statusCode == 200;
        }
    }

    /** One sample report of {@code deploy/samples/samples.json}. */
    public record Sample(String file, String agency, String city, String district, Integer year) {
        /** The sample's text, from {@code deploy/samples/} of the repository. */
        public String text(Path repo) {
            try {
                return Files.readString(repo.resolve("deploy/samples").resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

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
        return upload(sample.text(options.repo()), sample.agency(), sample.city(), sample.district(), sample.year());
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

    /** Parses a JSON answer. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        return post(url, contentType + "; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs bytes as they are, under the full content type given (with its charset, if any). */
    public static HttpResponse<String> post(String url, String contentType, byte[] body) {
        try {
            return HTTP.send(
                    withToken(HttpRequest.newBuilder(URI.create(url)), url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
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

    /**
     * Stops the services (SIGTERM, then SIGKILL after 20 s), then Kafka and PostgreSQL. Once: a second call (the
     * shutdown hook after an explicit close) returns when the first has finished.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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
        backends.close();
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
