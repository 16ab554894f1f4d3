package io.fazhi.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker, to see what the service wrote and to feed it events. */
public final class KafkaProbe {
    private KafkaProbe() {}

    public static String bootstrap() {
        return InfraTestResource.infra().kafka().bootstrapServers();
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            p.send(r).get(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning until a record with the key shows up. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, String> c = consumer()) {
            c.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            List<String> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                    seen.add(r.key());
                }
            }
            throw new AssertionError("no record with key " + key + " on " + topic + "; saw " + seen);
        }
    }

    /** Reads the topic from the beginning for the given time and returns every record with the key. */
    public static List<ConsumerRecord<String, String>> records(
            String topic, String key, int expected, Duration timeout) {
        try (KafkaConsumer<String, String> c = consumer()) {
            c.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (Instant.now().isBefore(deadline) && found.size() < expected) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    /**
     * Every record of the topic with the key, read from the beginning up to the end the topic has now: a duplicate
     * shows up, as does a record that should not be there (a dead letter).
     */
    public static List<ConsumerRecord<String, String>> allRecords(String topic, String key) {
        return TopicReader.readAll(bootstrap(), topic).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    }
}
