package io.fazhi.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource: one real Kafka broker and (unless {@code postgres=false}) one real PostgreSQL server per
 * test JVM, on free loopback ports, shared by all test classes and stopped when the JVM exits.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    private static PipelineServers infra;
    private boolean withPostgres = true;

    @Override
    public void init(Map<String, String> initArgs) {
        withPostgres = !"false".equals(initArgs.get("postgres"));
    }

    /** The running servers, for tests that talk to Kafka or PostgreSQL directly. */
    public static synchronized PipelineServers infra() {
        if (infra == null) {
            throw new IllegalStateException("infrastructure not started");
        }
        return infra;
    }

    @Override
    public Map<String, String> start() {
        return startShared(withPostgres).quarkusConfig();
    }

    private static synchronized PipelineServers startShared(boolean withPostgres) {
        if (infra == null) {
            try {
                Path dir = Files.createTempDirectory("fazhi-test-infra");
                infra = PipelineServers.start(dir, 0, withPostgres ? 0 : -1, true);
                PipelineServers started = infra;
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    started.close();
                                    DataDirectories.deleteRecursively(dir);
                                },
                                "fazhi-test-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return infra;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped by the shutdown hook
    }
}
