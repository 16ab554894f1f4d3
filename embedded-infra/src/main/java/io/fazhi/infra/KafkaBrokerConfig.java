package io.fazhi.infra;

import io.fazhi.contracts.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;

/**
 * The configuration of a single-node KRaft broker (broker and controller in one, replication factor 1, the
 * pipeline's 16 MiB message limit) and the formatting of its log directory. Shared by the broker run inside a
 * test JVM ({@link EmbeddedKafka}) and the broker run as a process of its own ({@code kafka.Kafka}).
 *
 * @param logDir         the log directory; formatted once, then kept with its cluster id and data
 * @param port           the client listener (PLAINTEXT)
 * @param controllerPort the controller listener
 */
public record KafkaBrokerConfig(Path logDir, int port, int controllerPort) {

    /** A configuration on the given client port (0 for a free one) and a free controller port. */
    public static KafkaBrokerConfig on(Path logDir, int port) {
        return new KafkaBrokerConfig(logDir, FreePorts.orFree(port), FreePorts.free());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The server.properties of this broker. */
    public Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
        p.put("log.retention.hours", "-1");
        return p;
    }

    /** Writes {@link #properties()} beside the log directory ({@code <logDir>.properties}) and returns the file. */
    public Path writeProperties() {
        Path file = logDir.toAbsolutePath().resolveSibling(logDir.getFileName() + ".properties");
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties().store(w, "single-node KRaft broker of the fazhi pipeline");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats the log directory (a new cluster id) unless an earlier run did, and returns the properties file. A
     * formatted directory keeps its cluster id and data.
     */
    public Path formatOnce() {
        Path config = writeProperties();
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return config;
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool$.MODULE$.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
        }
        return config;
    }
}
