package io.fazhi.deploy.bench;

import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedKafka;
import io.fazhi.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What the machine's broker and database can do at most, measured on the stack's own servers with the same
 * durability as the services: Kafka produce+consume of the pipeline's payloads (acks=all, idempotent), PostgreSQL
 * COPY of metric rows and one-row transactions (fsync on, synchronous commit).
 */
final class RawLimits {
    private RawLimits() {}

    /**
     * Records per second from the first send until the last record was consumed, with the producer settings of the
     * pipeline's own report producer.
     */
    static double kafkaProduceConsume(String bootstrap, List<String> payloads, int records) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID().toString().substring(0, 8);
        EmbeddedKafka.createTopics(bootstrap, List.of(new Topics.TopicSpec(topic, 6)));
        long start;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        Topics.MAX_MESSAGE_BYTES,
                        // batched and compressed as ingest-service publishes reports (reports-out): with the
                        // default 16 KB batches every 20 KB report would be a request of its own
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        1 << 20,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        Topics.MAX_MESSAGE_BYTES,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class))) {
            // assigned, not subscribed: no group join inside the measured time
            List<org.apache.kafka.common.TopicPartition> partitions = List.of();
            long metadataDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.size() < 6 && System.nanoTime() < metadataDeadline) {
                // a topic created a moment ago may not be in the consumer's metadata yet: ask again until it is
                partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
                        .toList();
                if (partitions.size() < 6) {
                    Thread.sleep(100);
                }
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions in the broker's metadata");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ZERO);
            start = System.nanoTime();
            Thread sender = new Thread(() -> {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(
                            topic, UUID.randomUUID().toString(), payloads.get(i % payloads.size())));
                }
                producer.flush();
            });
            sender.start();
            int consumed = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (consumed < records && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
            sender.join();
            return consumed / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Metric rows per second through COPY, in batches of 10,000 rows, each batch its own transaction. */
    static double postgresCopy(String jdbcUrl, List<String> rowsTsv, int rows) throws SQLException, IOException {
        try (Connection c = connect(jdbcUrl)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_metric_fact");
                s.execute("""
                        CREATE TABLE bench_metric_fact (
                            id bigserial PRIMARY KEY, report_id text NOT NULL, revision int NOT NULL,
                            extractor_version text NOT NULL, section_index int NOT NULL, category text,
                            indicator text, label text, value numeric NOT NULL, unit text, rollup_unit text,
                            unit_kind text, surface text, sentence text, text_offset int)""");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            long start = System.nanoTime();
            int done = 0;
            while (done < rows) {
                int batch = Math.min(10_000, rows - done);
                StringBuilder tsv = new StringBuilder(batch * 200);
                for (int i = 0; i < batch; i++) {
                    tsv.append(rowsTsv.get((done + i) % rowsTsv.size())).append('\n');
                }
                copy.copyIn(
                        "COPY bench_metric_fact (report_id, revision, extractor_version, section_index, category,"
                                + " indicator, label, value, unit, rollup_unit, unit_kind, surface, sentence,"
                                + " text_offset) FROM STDIN",
                        new StringReader(tsv.toString()));
                c.commit();
                done += batch;
            }
            double perSecond = rows / ((System.nanoTime() - start) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_metric_fact");
            }
            c.commit();
            return perSecond;
        }
    }

    /** Commits per second of one-row INSERT transactions on one connection. */
    static double postgresOneRowCommits(String jdbcUrl, int commits) throws SQLException {
        try (Connection c = connect(jdbcUrl)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_commit");
                s.execute("CREATE TABLE bench_commit (id bigserial PRIMARY KEY, v text)");
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit (v) VALUES (?)")) {
                for (int i = 0; i < commits; i++) {
                    insert.setString(1, "event " + i);
                    insert.executeUpdate(); // autocommit: one transaction, one WAL flush each
                }
            }
            double perSecond = commits / ((System.nanoTime() - start) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_commit");
            }
            return perSecond;
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
