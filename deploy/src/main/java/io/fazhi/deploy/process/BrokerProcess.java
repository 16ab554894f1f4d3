package io.fazhi.deploy.process;

import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedKafka;
import io.fazhi.infra.KafkaBrokerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka broker (KRaft, single node) as an OS process of its own: {@code kafka.Kafka} from the build's own jars on
 * a log directory formatted once, so it can be killed with SIGKILL and started again on the same ports and data.
 */
public final class BrokerProcess {
    private final KafkaBrokerConfig config;
    private final Path log;
    private Process process;

    public BrokerProcess(Path logDir, int port, Path log) {
        this.config = KafkaBrokerConfig.on(logDir, port);
        this.log = log;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** The broker's process id, while it runs. */
    public OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** Starts the broker and returns once it answers; creates the pipeline's topics that are missing. */
    public BrokerProcess start() {
        Path properties = config.formatOnce();
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(ChildJava.command(
                            List.of("-Xmx1g", "-XX:+UseG1GC"),
                            System.getProperty("java.class.path"),
                            "kafka.Kafka",
                            properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the broker failed", e);
        }
        awaitAnswering(Duration.ofSeconds(90));
        EmbeddedKafka.createTopics(bootstrapServers(), Topics.ALL);
        return this;
    }

    private void awaitAnswering(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the broker exited; see " + log);
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the broker did not answer within " + timeout, e);
                    }
                }
            }
        }
    }

    /** SIGKILL, as a crashed machine: no controlled shutdown, unflushed log segments recovered at the next start. */
    public void kill() {
        ChildJava.kill(process);
    }

    /** A controlled shutdown (SIGTERM). */
    public void stop() {
        ChildJava.stop(process, Duration.ofSeconds(60));
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }
}
