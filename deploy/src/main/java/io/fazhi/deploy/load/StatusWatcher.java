package io.fazhi.deploy.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.TopicReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows {@code report-status.v1} from its beginning in the background: when each report was first AGGREGATED
 * (the status record's timestamp, set by aggregate-service when it published it) and which reports were reported
 * FAILED, with the reason. Rides out broker restarts (the consumer reconnects by itself).
 */
public final class StatusWatcher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Instant> aggregated = new ConcurrentHashMap<>();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final AtomicLong lastAggregatedMillis = new AtomicLong();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    public StatusWatcher(String bootstrapServers) {
        this.consumer = TopicReader.consumer(bootstrapServers);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORT_STATUS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.REPORT_STATUS, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::follow, "status-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    record(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void record(ConsumerRecord<String, String> r) {
        try {
            JsonNode status = JSON.readTree(r.value());
            String id = status.path("reportId").asText(r.key());
            switch (status.path("status").asText()) {
                case "AGGREGATED" -> {
                    aggregated.putIfAbsent(id, Instant.ofEpochMilli(r.timestamp()));
                    lastAggregatedMillis.accumulateAndGet(r.timestamp(), Math::max);
                }
                case "FAILED" -> failed.putIfAbsent(id, status.path("reason").asText(""));
                default -> {}
            }
        } catch (IOException e) {
            failed.putIfAbsent(r.key(), "unreadable status record: " + e.getMessage());
        }
    }

    /** When the report was first AGGREGATED, or null. */
    public Instant aggregatedAt(String reportId) {
        return aggregated.get(reportId);
    }

    /** How many of the reports are AGGREGATED. */
    public long aggregatedOf(Collection<String> reportIds) {
        return reportIds.stream().filter(aggregated::containsKey).count();
    }

    /** The first AGGREGATED status published at or after {@code since}, or null. */
    public Instant firstAggregatedAfter(Instant since) {
        return aggregated.values().stream()
                .filter(t -> !t.isBefore(since))
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** The reports reported FAILED, with the reason. */
    public Map<String, String> failed() {
        return Map.copyOf(failed);
    }

    /**
     * Waits until every report is AGGREGATED, or nothing new was aggregated for {@code stall}, or the timeout; returns
     * whether all were.
     */
    public boolean awaitAggregated(Collection<String> reportIds, Duration stall, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long seen = -1;
        Instant progress = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            long n = aggregatedOf(reportIds);
            if (n == reportIds.size()) {
                return true;
            }
            if (n != seen) {
                seen = n;
                progress = Instant.now();
            } else if (Instant.now().isAfter(progress.plus(stall))) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
