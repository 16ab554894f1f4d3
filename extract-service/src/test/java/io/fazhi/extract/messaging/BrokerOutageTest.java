package io.fazhi.extract.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedKafka;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The broker stops while a report is being published and comes back: the report's sections are all published once
 * and nothing is dead-lettered. The producer's delivery timeout is cut to 3 s so that the outage outlasts it and
 * the sends fail, as a long outage does in production; TransientRetry then sends the unacknowledged sections again.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.ShortDeliveryTimeout.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "postgres", value = "false"))
class BrokerOutageTest {
    /** Fails sends after 3 s without the broker, and holds the sends of one report on the test's signal. */
    public static class ShortDeliveryTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.sections-out.interceptor.classes", SendGate.class.getName(),
                    "mp.messaging.outgoing.sections-out.delivery.timeout.ms", "3000",
                    "mp.messaging.outgoing.sections-out.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.sections-out.max.block.ms", "2000",
                    "mp.messaging.outgoing.sections-out.linger.ms", "0",
                    "fazhi.extract.send-timeout", "20s",
                    "fazhi.retry.initial-backoff", "100ms",
                    "fazhi.retry.max-backoff", "1s");
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Test
    void aBrokerOutageWhilePublishingEndsWithEverySectionPublishedOnceAndNoDeadLetter() throws Exception {
        String text = Files.readString(
                Path.of("../deploy/samples/jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"),
                StandardCharsets.UTF_8);
        // a first report: the producer learns the partitions of sections.v1 while the broker is there
        extract(UUID.randomUUID().toString(), text);

        String id = UUID.randomUUID().toString();
        SendGate.arm(id);
        send(id, text + "\n(内部编号 outage)\n");
        await().atMost(Duration.ofSeconds(60)).until(SendGate::holding);

        EmbeddedKafka kafka = InfraTestResource.infra().kafka();
        kafka.close();
        try {
            SendGate.release();
            // the sends fail (delivery timeout) and are retried while the broker is away
            await().atMost(Duration.ofSeconds(60)).until(() -> retries() >= 2);
        } finally {
            kafka.start();
        }

        ReportStatusChanged extracted = mapper.readValue(
                KafkaProbe.awaitRecord(Topics.REPORT_STATUS, id, Duration.ofSeconds(90))
                        .value(),
                ReportStatusChanged.class);
        assertEquals(ReportStatusChanged.Status.EXTRACTED, extracted.status());
        int count = extracted.sections() + 1; // and the preamble

        Map<Integer, List<String>> byIndex = new TreeMap<>();
        for (ConsumerRecord<String, String> r : KafkaProbe.allRecords(Topics.SECTIONS, id)) {
            SectionExtracted e = mapper.readValue(r.value(), SectionExtracted.class);
            byIndex.computeIfAbsent(e.sectionIndex(), i -> new ArrayList<>()).add(e.eventId());
        }
        assertEquals(count, byIndex.size(), "every section was published: " + byIndex.keySet());
        byIndex.forEach((index, ids) -> assertEquals(1, ids.size(), "section " + index + " published once: " + ids));
        assertTrue(KafkaProbe.allRecords(Topics.REPORTS_DLQ, id).isEmpty(), "nothing dead-lettered");
        assertEquals(
                1, KafkaProbe.allRecords(Topics.REPORT_STATUS, id).size(), "one EXTRACTED, no FAILED or second status");
    }

    private double retries() {
        return registry
                .find("fazhi.consumer.retries")
                .tag("channel", SectionPublisher.SECTIONS_CHANNEL)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private void extract(String id, String text) throws Exception {
        send(id, text);
        KafkaProbe.awaitRecord(Topics.REPORT_STATUS, id, Duration.ofSeconds(60));
    }

    private void send(String id, String text) throws Exception {
        ReportSubmitted report = new ReportSubmitted(
                ReportSubmitted.SCHEMA_VERSION,
                id,
                1,
                "江门市新会区科工商务局",
                "江门市",
                "新会区",
                2019,
                null,
                null,
                null,
                text,
                Instant.now(),
                false);
        KafkaProbe.send(Topics.REPORTS, id, mapper.writeValueAsString(report), Map.of());
    }
}
