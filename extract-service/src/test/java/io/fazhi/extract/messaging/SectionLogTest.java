package io.fazhi.extract.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class SectionLogTest {
    @Test
    void aReportIsReadBackOnThePartitionTheProducerChoseForItsKey() {
        for (int i = 0; i < 1000; i++) {
            String key = UUID.randomUUID().toString();
            for (int partitions : new int[] {1, 3, 6, 12}) {
                assertEquals(
                        BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions),
                        SectionLog.partitionOf(key, partitions),
                        key);
            }
        }
    }
}
