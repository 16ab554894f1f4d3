package io.fazhi.ingest.messaging;

import io.fazhi.contracts.ReportSubmitted;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes reports keyed by report id and waits for the broker's acknowledgement (acks=all). */
@ApplicationScoped
public class ReportPublisher {
    public static final String CHANNEL = "reports-out";

    private final MutinyEmitter<ReportSubmitted> emitter;
    private final Duration timeout;

    public ReportPublisher(
            @Channel(CHANNEL) MutinyEmitter<ReportSubmitted> emitter,
            @ConfigProperty(name = "fazhi.ingest.publish-timeout", defaultValue = "10s") Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    /** Returns once the broker has the record; throws when it did not acknowledge in time. */
    public void publish(ReportSubmitted report) {
        send(report).await().atMost(timeout);
    }

    /** Publishes several at once and returns when the broker acknowledged all; throws when one failed. */
    public void publishAll(List<ReportSubmitted> reports) {
        if (reports.isEmpty()) {
            return;
        }
        Uni.join()
                .all(reports.stream().map(this::send).toList())
                .andFailFast()
                .await()
                .atMost(timeout);
    }

    private Uni<Void> send(ReportSubmitted report) {
        Message<ReportSubmitted> message = Message.of(report)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(report.reportId())
                        .build());
        return emitter.sendMessage(message);
    }
}
