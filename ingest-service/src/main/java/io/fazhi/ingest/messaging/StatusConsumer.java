package io.fazhi.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.ingest.domain.ReportService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Report status from the other services, and the dead letters of their consumers. */
@ApplicationScoped
public class StatusConsumer {
    private final ReportService reports;
    private final ObjectMapper mapper;

    public StatusConsumer(ReportService reports, ObjectMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Incoming("report-status")
    @Blocking
    public void onStatus(String json) throws JsonProcessingException {
        reports.onStatus(mapper.readValue(json, ReportStatusChanged.class));
    }

    @Incoming("reports-dlq")
    @Blocking
    public void onReportDeadLetter(ConsumerRecord<String, byte[]> record) {
        deadLetter(record, "extraction failed");
    }

    @Incoming("sections-dlq")
    @Blocking
    public void onSectionDeadLetter(ConsumerRecord<String, byte[]> record) {
        deadLetter(record, "aggregation failed");
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String what) {
        if (record.key() == null) {
            return; // stays visible in the dead-letter topic; no report to mark
        }
        Header reason = record.headers().lastHeader("dead-letter-reason");
        String why = reason == null ? "unknown reason" : new String(reason.value(), StandardCharsets.UTF_8);
        reports.onDeadLetter(record.key(), revision(record.value()), what + ": " + why);
    }

    /** The revision the dead message was about (reports and sections carry one), else null: the current one. */
    private Integer revision(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            JsonNode revision = mapper.readTree(value).get("revision");
            return revision != null && revision.canConvertToInt() && revision.asInt() > 0 ? revision.asInt() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
