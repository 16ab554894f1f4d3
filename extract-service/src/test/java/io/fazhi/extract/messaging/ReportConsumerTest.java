package io.fazhi.extract.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.ReportInput;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "postgres", value = "false"))
class ReportConsumerTest {
    @Inject
    ObjectMapper mapper;

    @Test
    void aReportBecomesOneEventPerSectionAndThenExtracted() throws Exception {
        String text = Files.readString(
                Path.of("../deploy/samples/jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"),
                StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        ReportSubmitted report = new ReportSubmitted(
                1, id, 1, "江门市新会区科工商务局", "江门市", "新会区", 2019, null, null, null, text, Instant.now(), false);
        KafkaProbe.send(Topics.REPORTS, id, mapper.writeValueAsString(report), Map.of());

        ConsumerRecord<String, String> status =
                KafkaProbe.awaitRecord(Topics.REPORT_STATUS, id, Duration.ofSeconds(30));
        ReportStatusChanged extracted = mapper.readValue(status.value(), ReportStatusChanged.class);
        assertEquals(ReportStatusChanged.Status.EXTRACTED, extracted.status());
        assertTrue(extracted.sections() >= 10, "sections: " + extracted.sections());

        int count = extracted.sections() + 1; // and the preamble
        List<SectionExtracted> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r :
                KafkaProbe.records(Topics.SECTIONS, id, count, Duration.ofSeconds(30))) {
            events.add(mapper.readValue(r.value(), SectionExtracted.class));
        }
        assertEquals(count, events.size());
        assertEquals(
                count,
                new HashSet<>(events.stream().map(SectionExtracted::eventId).toList()).size());
        SectionExtracted preamble =
                events.stream().filter(e -> e.sectionIndex() == 0).findFirst().orElseThrow();
        assertNull(preamble.section().heading());
        for (SectionExtracted e : events) {
            assertEquals(count, e.sectionCount());
            assertEquals("江门市", e.report().city());
            assertEquals(SectionExtracted.SCHEMA_VERSION, e.schemaVersion());
        }
        MetricFact filings = events.stream()
                .flatMap(e -> e.metrics().stream())
                .filter(m -> "168件".equals(m.surface()))
                .findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("168").compareTo(filings.value()));
        assertEquals("件", filings.unit());
        assertTrue(filings.sentence().contains("外资备案手续168件"), filings.sentence());
        String normalised = new Extractor().extract(ReportInput.ofText(text)).text();
        assertEquals("168件", normalised.substring(filings.offset(), filings.offset() + 4));
    }

    @Test
    void aReportWithHundredsOfSectionsIsPublishedWhole() throws Exception {
        String[] numerals = {
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"
        };
        StringBuilder text = new StringBuilder("某市司法局2021年法治政府建设年度报告\n");
        for (int i = 0; i < 16; i++) {
            text.append(numerals[i]).append("、推进依法行政工作\n");
            for (int j = 0; j < 20; j++) {
                text.append("(")
                        .append(numerals[j])
                        .append(")规范行政许可。全年办理行政许可事项")
                        .append(i * 20 + j + 1)
                        .append("件。\n");
            }
        }
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(
                Topics.REPORTS,
                id,
                mapper.writeValueAsString(new ReportSubmitted(
                        1, id, 1, "某市司法局", "江门市", null, 2021, null, null, null, text.toString(), Instant.now(), false)),
                Map.of());

        ReportStatusChanged extracted = mapper.readValue(
                KafkaProbe.awaitRecord(Topics.REPORT_STATUS, id, Duration.ofSeconds(60))
                        .value(),
                ReportStatusChanged.class);
        assertEquals(ReportStatusChanged.Status.EXTRACTED, extracted.status());
        assertEquals(16 * 21, extracted.sections());
        assertEquals(16 * 20, extracted.metrics());
        assertEquals(
                16 * 21 + 1,
                KafkaProbe.records(Topics.SECTIONS, id, 16 * 21 + 1, Duration.ofSeconds(60))
                        .size());
    }

    @Test
    void aReportThatCannotBeReadGoesToTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();
        try {
            KafkaProbe.send(Topics.REPORTS, id, "[\"not a report\"]", Map.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(Topics.REPORTS_DLQ, id, Duration.ofSeconds(30));
        assertEquals("[\"not a report\"]", dead.value());
        assertTrue(dead.headers().lastHeader("dead-letter-reason") != null);
    }
}
