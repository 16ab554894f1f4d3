package io.fazhi.aggregate.messaging;

import io.fazhi.aggregate.model.RevisionKey;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.kafka.KeyedMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Sends AGGREGATED for revisions that are in the rollups, keyed by report id, and waits for the broker's acks (acks
 * from every in-sync replica, idempotent producer; see application.properties). Sends are batched by the producer
 * (linger.ms) and never more than the emitter's buffer is in flight.
 */
@ApplicationScoped
public class StatusPublisher {
    /** The outgoing channel, as configured in application.properties. */
    public static final String CHANNEL = "status-out";
    /** Statuses in flight before waiting for their acks: below the emitter's default buffer of 128. */
    static final int IN_FLIGHT = 64;

    private final MutinyEmitter<ReportStatusChanged> status;
    private final Duration timeout;

    public StatusPublisher(
            @Channel(CHANNEL) MutinyEmitter<ReportStatusChanged> status,
            @ConfigProperty(name = "fazhi.aggregate.send-timeout", defaultValue = "30s") Duration timeout) {
        this.status = status;
        this.timeout = timeout;
    }

    /** Sends AGGREGATED for each revision and returns once every one is acknowledged. */
    public void aggregated(List<RevisionKey> revisions) {
        List<Uni<Void>> acks = new ArrayList<>(IN_FLIGHT);
        for (int i = 0; i < revisions.size(); i++) {
            RevisionKey r = revisions.get(i);
            ReportStatusChanged event = new ReportStatusChanged(
                    ReportStatusChanged.SCHEMA_VERSION,
                    r.reportId(),
                    r.revision(),
                    ReportStatusChanged.Status.AGGREGATED,
                    null,
                    r.extractorVersion(),
                    null,
                    null,
                    null,
                    Instant.now());
            acks.add(status.sendMessage(KeyedMessages.keyed(r.reportId(), event)));
            if (acks.size() == IN_FLIGHT || i == revisions.size() - 1) {
                Uni.join().all(acks).andFailFast().await().atMost(timeout);
                acks.clear();
            }
        }
    }
}
