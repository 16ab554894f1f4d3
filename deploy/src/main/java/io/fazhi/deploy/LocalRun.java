package io.fazhi.deploy;

import io.fazhi.deploy.LocalStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/up}: runs the pipeline with the sample reports until stopped (Ctrl-C or SIGTERM).
 * Writes {@code <data>/stack.ready} once the samples are aggregated, and {@code <data>/stack.pids}.
 */
public final class LocalRun {
    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        Path repo =
                Path.of(System.getProperty("fazhi.repo", ".")).toAbsolutePath().normalize();
        Path data = repo.resolve(".local-data");
        boolean fresh = false;
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        ports.put(Service.INGEST, intEnv("INGEST_PORT", 8081));
        ports.put(Service.EXTRACT, intEnv("EXTRACT_PORT", 8082));
        ports.put(Service.AGGREGATE, intEnv("AGGREGATE_PORT", 8083));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(data);
        Path ready = data.resolve("stack.ready");
        Files.deleteIfExists(ready);
        LocalStack.Options options = new LocalStack.Options(
                repo,
                data,
                fresh,
                intEnv("KAFKA_PORT", 9092),
                intEnv("POSTGRES_PORT", 5432),
                ports,
                "prod",
                LocalStack.BackendKind.IN_JVM,
                Map.of());

        System.out.println("starting Kafka, PostgreSQL and the three services (data in " + data + ") ...");
        LocalStack stack = LocalStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("stopping ...");
                            try {
                                stack.close();
                                Files.deleteIfExists(ready);
                            } catch (IOException | RuntimeException e) {
                                System.err.println("while stopping: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "local-stack-stop"));
        writePids(data, stack);

        List<String> ids = new ArrayList<>();
        for (LocalStack.Sample sample : LocalStack.samples(repo)) {
            ids.add(stack.upload(sample));
        }
        System.out.println("uploaded " + ids.size() + " sample reports; waiting until they are aggregated ...");
        stack.awaitAggregated(ids, Duration.ofMinutes(3));

        String ingest = stack.url(Service.INGEST);
        String aggregate = stack.url(Service.AGGREGATE);
        System.out.println();
        System.out.println("The pipeline is running; the " + ids.size() + " sample reports are aggregated.");
        System.out.println("  upload     POST " + ingest + "/api/v1/reports");
        System.out.println("  status     GET  " + ingest + "/api/v1/reports/" + ids.get(0));
        System.out.println("  rollups    GET  " + aggregate + "/api/v1/rollups?city=江门市&year=2019");
        System.out.println("  facts      GET  " + aggregate + "/api/v1/facts/" + ids.get(0));
        System.out.println("  dashboard       " + aggregate + "/");
        System.out.println("  OpenAPI UI      " + ingest + "/q/swagger-ui   and   " + aggregate + "/q/swagger-ui");
        System.out.println("  health          " + stack.url(Service.EXTRACT) + "/q/health");
        System.out.println("  Kafka " + stack.backends().bootstrapServers() + ", PostgreSQL "
                + stack.backends().jdbcUrl() + ", logs in " + data.resolve("logs"));
        System.out.println();
        System.out.println("Try (uploads and status need a token; see README, Uploading and authentication):");
        System.out.println("  TOKEN=$(deploy/local/token --operator)");
        System.out.println("  curl -s -X POST " + ingest + "/api/v1/reports -H \"Authorization: Bearer $TOKEN\" "
                + "-H 'Content-Type: application/json' \\");
        System.out.println("       -d '{\"text\":\"一、主要举措和成效\\n(一)优化政务服务。全年办理行政许可事项120件。\","
                + "\"agency\":\"示例市司法局\",\"city\":\"江门市\",\"year\":2025}'");
        System.out.println("  curl -s '" + aggregate + "/api/v1/rollups?city=江门市'");
        System.out.println();
        Files.writeString(ready, ingest + "\n" + aggregate + "\n");
        System.out.println("Ctrl-C (or deploy/local/down) stops everything.");
        stopped.await();
    }

    private static void writePids(Path data, LocalStack stack) {
        StringBuilder pids =
                new StringBuilder().append(ProcessHandle.current().pid()).append('\n');
        for (Service s : Service.values()) {
            pids.append(stack.pid(s)).append('\n');
        }
        try {
            Files.writeString(data.resolve("stack.pids"), pids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
