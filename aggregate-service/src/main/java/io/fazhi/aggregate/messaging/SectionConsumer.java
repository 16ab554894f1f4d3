package io.fazhi.aggregate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.domain.AggregationService;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.SectionExtracted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes section events. The transaction commits before the offset does; a redelivered event is recognised by
 * its id. Once a revision is in the rollups, AGGREGATED is sent (again on redelivery, so it is never lost).
 * With {@code mp.messaging.incoming.sections.partitions=N} the channel runs N consumers, each applying its
 * partitions' events in order on its own worker; instances and consumers may run in parallel.
 */
@ApplicationScoped
public class SectionConsumer {
    /** The incoming channel, as configured in application.properties. */
    public static final String CHANNEL = "sections";

    private static final Logger LOG = Logger.getLogger(SectionConsumer.class);

    private final ObjectMapper mapper;
    private final AggregationService aggregation;
    private final MutinyEmitter<ReportStatusChanged> status;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter reportsAggregated;
    private final Timer rollupTransaction;

    public SectionConsumer(
            ObjectMapper mapper,
            AggregationService aggregation,
            @Channel("status-out") MutinyEmitter<ReportStatusChanged> status,
            MeterRegistry registry) {
        this.mapper = mapper;
        this.aggregation = aggregation;
        this.status = status;
        this.applied = Counter.builder("fazhi.events.processed")
                .tag("outcome", "applied")
                .description("Section events applied, or recognised as redeliveries")
                .register(registry);
        this.duplicates = Counter.builder("fazhi.events.processed")
                .tag("outcome", "duplicate")
                .description("Section events applied, or recognised as redeliveries")
                .register(registry);
        this.reportsAggregated = Counter.builder("fazhi.reports.aggregated")
                .description("Report revisions that entered the rollups")
                .register(registry);
        this.rollupTransaction = Timer.builder("fazhi.rollup.transaction")
                .description("The transaction that completes a revision: facts, current revision, rollups")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onSection(String json) throws JsonProcessingException {
        SectionExtracted event = mapper.readValue(json, SectionExtracted.class);
        MDC.put("reportId", event.reportId());
        try {
            if (event.schemaVersion() > SectionExtracted.SCHEMA_VERSION) {
                throw new IllegalArgumentException("unsupported section schema version " + event.schemaVersion());
            }
            long start = System.nanoTime();
            AggregationService.Outcome outcome = aggregation.apply(event);
            if (outcome.duplicate()) {
                duplicates.increment();
                LOG.debugf("redelivered section %d of revision %d ignored", event.sectionIndex(), event.revision());
            } else {
                applied.increment();
                if (outcome.revisionComplete()) {
                    rollupTransaction.record(Duration.ofNanos(System.nanoTime() - start));
                    reportsAggregated.increment();
                    LOG.infof("revision %d (extractor %s) aggregated", event.revision(), event.extractorVersion());
                }
            }
            if (outcome.revisionComplete()) {
                ReportStatusChanged aggregated = new ReportStatusChanged(
                        ReportStatusChanged.SCHEMA_VERSION,
                        event.reportId(),
                        event.revision(),
                        ReportStatusChanged.Status.AGGREGATED,
                        null,
                        event.extractorVersion(),
                        null,
                        null,
                        null,
                        Instant.now());
                status.sendMessage(Message.of(aggregated)
                                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                        .withKey(event.reportId())
                                        .build()))
                        .await()
                        .atMost(Duration.ofSeconds(30));
            }
        } finally {
            MDC.remove("reportId");
        }
    }
}
