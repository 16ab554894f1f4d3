package io.fazhi.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.ingest.domain.PipelineStatus;
import io.fazhi.kafka.EventDecoder;
import io.fazhi.kafka.TransientRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Report status from extract-service and aggregate-service ({@code report-status.v1}): what the pipeline says of each
 * revision comes in here, as HTTP requests come in through the resources. An event that cannot be read (or is of a
 * newer schema) is poison and dead-lettered; a database failure is retried ({@link TransientRetry}) until the
 * database is back, never dead-lettered.
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
    public void onStatus(String json) throws Exception {
        ReportStatusChanged event = decoder.decode(json, ReportStatusChanged.class, ReportStatusChanged.SCHEMA_VERSION);
        retry.run(CHANNEL, () -> status.onStatus(event));
    }
}
