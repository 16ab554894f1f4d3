package io.fazhi.extract.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.kafka.EventDecoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads back which sections of a report are already on {@code sections.v1}, so that a retried publish sends only the
 * missing ones. A send that failed on its delivery timeout may still have been written (a timeout is not a failure
 * to write); before sending again, {@link SectionPublisher} asks here, on its failure path only. The report's
 * partition is the one the producer's default partitioner picks for its key (murmur2 of the UTF-8 key), read from
 * the first record written at or after the publish started.
 */
@ApplicationScoped
public class SectionLog {
    private final String bootstrapServers;
    private final EventDecoder decoder;

    public SectionLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.decoder = new EventDecoder(mapper);
    }

    /** The event ids of the report's sections written to the topic since {@code since}. */
    public Set<String> eventIdsSince(String reportId, Instant since) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Topics.MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                2 * Topics.MAX_MESSAGE_BYTES,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            Duration timeout = Duration.ofSeconds(10);
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.SECTIONS, timeout);
            TopicPartition partition = new TopicPartition(Topics.SECTIONS, partitionOf(reportId, partitions.size()));
            List<TopicPartition> assigned = List.of(partition);
            consumer.assign(assigned);
            long end = consumer.endOffsets(assigned, timeout).get(partition);
            OffsetAndTimestamp start = consumer.offsetsForTimes(
                            Map.of(partition, since.minusSeconds(1).toEpochMilli()), timeout)
                    .get(partition);
            Set<String> ids = new HashSet<>();
            if (start == null) {
                return ids; // nothing written since
            }
            consumer.seek(partition, start.offset());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new org.apache.kafka.common.errors.TimeoutException("reading back " + partition);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (reportId.equals(r.key()) && r.offset() < end) {
                        ids.add(decoder.decode(r.value(), SectionExtracted.class, SectionExtracted.SCHEMA_VERSION)
                                .eventId());
                    }
                }
            }
            return ids;
        }
    }

    /** The partition of a record keyed {@code key}, as the producer's default partitioner chooses it. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
