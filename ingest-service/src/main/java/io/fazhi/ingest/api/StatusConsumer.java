package io.fazhi.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.ingest.domain.PipelineStatus;
import io.fazhi.kafka.DeadLetterPoisonOnly;
import io.fazhi.kafka.EventBatch;
import io.fazhi.kafka.EventDecoder;
import io.fazhi.kafka.TransientFailures;
import io.fazhi.kafka.TransientRetry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Report status from extract-service and aggregate-service ({@code report-status.v1}): what the pipeline says of each
 * revision comes in here, as HTTP requests come in through the resources. Consumed a poll at a time and recorded in
 * one transaction per poll (two events per report, EXTRACTED and AGGREGATED, would otherwise be two commits). An
 * event that cannot be read (or is of a newer schema) is poison and dead-lettered; a database failure is retried
 * ({@link TransientRetry}) until the database is back, never dead-lettered. Should the database refuse the batch
 * for good, its events are recorded one by one and only the one it refuses is dead-lettered.
 */
@ApplicationScoped
public class StatusConsumer {
    public static final String CHANNEL = "report-status";

    private final PipelineStatus status;
    private final EventDecoder decoder;
    private final TransientRetry retry;

    public StatusConsumer(PipelineStatus status, ObjectMapper mapper, TransientRetry retry) {
        this.status = status;
        this.decoder = new EventDecoder(mapper);
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onStatuses(KafkaRecordBatch<String, String> batch) throws Exception {
        EventBatch<ReportStatusChanged> read = EventBatch.read(
                batch, json -> decoder.decode(json, ReportStatusChanged.class, ReportStatusChanged.SCHEMA_VERSION));
        List<EventBatch.Poison> poison = read.applyAllOrOneByOne(
                CHANNEL, events -> retry.run(CHANNEL, () -> status.onStatuses(events)), StatusConsumer::refusedForGood);
        for (EventBatch.Poison p : poison) {
            retry.call(CHANNEL, () -> {
                p.deadLetter(); // the broker away: retried, never given up on
                return null;
            });
        }
        return batch.ack();
    }

    /** A failure no retry can outlast, outside a shutdown: the record is dead-lettered, as a poison one is. */
    private static boolean refusedForGood(Exception e) {
        return !TransientFailures.isTransient(e) && !DeadLetterPoisonOnly.stopping();
    }
}
