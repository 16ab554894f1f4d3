package io.fazhi.aggregate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.domain.AggregationService;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.SectionExtracted;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes section events. The transaction commits before the offset does; a redelivered event is recognised by
 * its id. Once a revision is in the rollups, AGGREGATED is sent (again on redelivery, so it is never lost).
 */
@ApplicationScoped
public class SectionConsumer {
    private final ObjectMapper mapper;
    private final AggregationService aggregation;
    private final MutinyEmitter<ReportStatusChanged> status;

    public SectionConsumer(ObjectMapper mapper, AggregationService aggregation,
            @Channel("status-out") MutinyEmitter<ReportStatusChanged> status) {
        this.mapper = mapper;
        this.aggregation = aggregation;
        this.status = status;
    }

    @Incoming("sections")
    @Blocking
    public void onSection(String json) throws JsonProcessingException {
        SectionExtracted event = mapper.readValue(json, SectionExtracted.class);
        if (event.schemaVersion() > SectionExtracted.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported section schema version " + event.schemaVersion());
        }
        AggregationService.Outcome outcome = aggregation.apply(event);
        if (outcome.revisionComplete()) {
            ReportStatusChanged aggregated = new ReportStatusChanged(ReportStatusChanged.SCHEMA_VERSION,
                    event.reportId(), event.revision(), ReportStatusChanged.Status.AGGREGATED, null,
                    event.extractorVersion(), null, null, null, Instant.now());
            status.sendMessage(Message.of(aggregated).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(event.reportId()).build()))
                    .await().atMost(Duration.ofSeconds(30));
        }
    }
}
