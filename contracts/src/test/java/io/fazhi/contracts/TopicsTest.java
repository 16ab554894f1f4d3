package io.fazhi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void everyTopicHasItsDeadLetterTopicAndOnePartitionForIt() {
        Map<String, Integer> partitions =
                Topics.ALL.stream().collect(Collectors.toMap(Topics.TopicSpec::name, Topics.TopicSpec::partitions));
        assertEquals(6, partitions.size(), "three topics and their dead-letter topics, each once");
        for (String topic : List.of(Topics.REPORTS, Topics.SECTIONS, Topics.REPORT_STATUS)) {
            assertTrue(partitions.containsKey(topic), topic);
            assertTrue(partitions.containsKey(topic + ".dlq"), topic + ".dlq");
            assertEquals(1, partitions.get(topic + ".dlq"), "dead letters are few and read in order");
        }
        assertEquals(Topics.REPORTS + ".dlq", Topics.REPORTS_DLQ);
        assertEquals(Topics.SECTIONS + ".dlq", Topics.SECTIONS_DLQ);
        assertEquals(Topics.REPORT_STATUS + ".dlq", Topics.REPORT_STATUS_DLQ);
    }

    @Test
    void thePipelineTopicsHaveRoomForParallelConsumersAndVersionedNames() {
        for (Topics.TopicSpec t : Topics.ALL) {
            assertTrue(t.name().matches("[a-z-]+\\.v[0-9]+(\\.dlq)?"), "versioned name: " + t.name());
            assertTrue(t.partitions() >= 1, t.name());
        }
        assertTrue(partitionsOf(Topics.REPORTS) >= 3 && partitionsOf(Topics.SECTIONS) >= 3);
        Set<String> names = new HashSet<>();
        Topics.ALL.forEach(t -> assertTrue(names.add(t.name()), "listed once: " + t.name()));
    }

    @Test
    void aReportNearTheTextLimitFitsInOneMessage() {
        // 2,000,000 characters of Chinese text are about 6 MB of UTF-8
        assertTrue(Topics.MAX_MESSAGE_BYTES >= 3 * 2_000_000, "max message " + Topics.MAX_MESSAGE_BYTES);
    }

    private static int partitionsOf(String name) {
        return Topics.ALL.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .partitions();
    }
}
