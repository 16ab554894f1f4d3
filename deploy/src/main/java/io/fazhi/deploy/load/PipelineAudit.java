package io.fazhi.deploy.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the topics say after a run: documents published under more than one report id (counted twice downstream),
 * report ids published that no client was given (orphans of an upload answered 5xx), and dead letters.
 */
public final class PipelineAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineAudit() {}

    /**
     * @param doubled      accepted documents whose text went to {@code reports.v1} under two or more report ids
     * @param orphans      report ids on {@code reports.v1} that no upload was answered with
     * @param deadLetters  records per dead-letter topic
     */
    public record Result(int doubled, int orphans, Map<String, Integer> deadLetters) {
        public int deadLetterCount() {
            return deadLetters.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public static Result audit(String bootstrapServers, Set<String> acceptedIds) {
        Map<String, Set<String>> idsByText = new HashMap<>();
        Set<String> published = new HashSet<>();
        for (ConsumerRecord<String, String> r : TopicReader.readAll(bootstrapServers, Topics.REPORTS)) {
            try {
                JsonNode report = JSON.readTree(r.value());
                if (report.path("withdrawn").asBoolean(false)) {
                    continue;
                }
                String id = report.path("reportId").asText(r.key());
                published.add(id);
                idsByText
                        .computeIfAbsent(sha256(report.path("text").asText("")), t -> new HashSet<>())
                        .add(id);
            } catch (IOException e) {
                // not a report: the extractor dead-letters it, counted below
            }
        }
        int doubled =
                (int) idsByText.values().stream().filter(ids -> ids.size() > 1).count();
        Set<String> orphans = new HashSet<>(published);
        orphans.removeAll(acceptedIds);
        Map<String, Integer> dead = new java.util.TreeMap<>();
        for (String topic : List.of(Topics.REPORTS_DLQ, Topics.SECTIONS_DLQ, Topics.REPORT_STATUS_DLQ)) {
            dead.put(topic, TopicReader.readAll(bootstrapServers, topic).size());
        }
        return new Result(doubled, orphans.size(), dead);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
