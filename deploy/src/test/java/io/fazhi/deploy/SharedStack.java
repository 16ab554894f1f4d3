package io.fazhi.deploy;

import com.sun.net.httpserver.HttpServer;
import io.fazhi.infra.DataDirectories;
import io.fazhi.infra.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stack for every end-to-end test of this JVM: Kafka, PostgreSQL and the three services started once (about a
 * minute on this machine), with tracing exported to a local OTLP receiver, and stopped when the JVM exits. Each test
 * class uses cities of its own, so their rollups never mix.
 */
final class SharedStack {
    private static LocalStack stack;
    private static HttpServer otlp;
    private static final List<byte[]> TRACE_EXPORTS = new CopyOnWriteArrayList<>();

    private SharedStack() {}

    static Path repo() {
        return Path.of(System.getProperty("fazhi.repo", "..")).toAbsolutePath().normalize();
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                otlp = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.free()), 0);
                otlp.createContext("/v1/traces", exchange -> {
                    try (InputStream in = exchange.getRequestBody()) {
                        TRACE_EXPORTS.add(in.readAllBytes());
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                otlp.start();
                Path data = Files.createTempDirectory("fazhi-e2e");
                stack = LocalStack.start(LocalStack.Options.fresh(repo(), data)
                        .withEnv(Map.of(
                                "QUARKUS_OTEL_SDK_DISABLED",
                                "false",
                                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
                                "http/protobuf",
                                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                                "http://127.0.0.1:" + otlp.getAddress().getPort(),
                                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY",
                                "200ms")));
                LocalStack started = stack;
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    started.close();
                                    otlp.stop(0);
                                    DataDirectories.deleteRecursively(data);
                                },
                                "e2e-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** The trace exports (OTLP protobuf) the services sent so far. */
    static List<byte[]> traceExports() {
        return TRACE_EXPORTS;
    }
}
