package io.fazhi.kafka;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one way the services send an event: keyed by its report id, so all events of a report land on one partition
 * and are consumed in order.
 */
public final class KeyedMessages {
    private KeyedMessages() {}

    /** A message of {@code payload} with the Kafka record key {@code key}. */
    public static <T> Message<T> keyed(String key, T payload) {
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .build());
    }
}
