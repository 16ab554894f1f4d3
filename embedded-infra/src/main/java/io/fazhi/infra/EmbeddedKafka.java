package io.fazhi.infra;

import io.fazhi.contracts.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one), run inside this JVM.
 * Its version is the kafka-clients version of the Quarkus BOM, so it can share a JVM with a Quarkus app.
 * The log directory survives a restart when the caller keeps it; the storage is formatted only once. It can be
 * closed and started again on the same ports (a broker outage in a test).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaBrokerConfig config;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path logDir, int port) {
        this.config = KafkaBrokerConfig.on(logDir, port);
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public int port() {
        return config.port();
    }

    public EmbeddedKafka start() {
        config.formatOnce();
        server = new KafkaRaftServer(KafkaConfig.fromProps(config.properties(), false), Time.SYSTEM);
        server.startup();
        return this;
    }

    /** Creates the pipeline's topics (those missing) with their partition counts and the large-message limit. */
    public void createTopics(List<Topics.TopicSpec> topics) {
        createTopics(bootstrapServers(), topics);
    }

    /** Creates the topics missing on the broker at {@code bootstrapServers} (replication factor 1). */
    public static void createTopics(String bootstrapServers, List<Topics.TopicSpec> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                            .configs(Map.of("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES))))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("creating topics failed", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
