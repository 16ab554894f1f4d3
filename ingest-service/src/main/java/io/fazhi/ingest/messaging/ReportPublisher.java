package io.fazhi.ingest.messaging;

import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.kafka.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends {@link ReportSubmitted} events to {@code reports.v1}, keyed by report id, and tells which ones the broker
 * acknowledged (acks=all) in time. A send that was not acknowledged in time may still have been written: the caller
 * keeps it unpublished and sends it again, and the consumers' idempotency makes the copy harmless.
 */
@ApplicationScoped
public class ReportPublisher {
    public static final String CHANNEL = "reports-out";

    private final MutinyEmitter<ReportSubmitted> emitter;

    public ReportPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<ReportSubmitted> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends all events at once (the producer batches them) and waits at most {@code timeout} for their
     * acknowledgements.
     *
     * @return for each event, in order, whether the broker acknowledged it
     */
    public List<Boolean> publish(List<ReportSubmitted> events, Duration timeout) throws InterruptedException {
        List<CompletableFuture<Void>> sends = new ArrayList<>(events.size());
        for (ReportSubmitted e : events) {
            CompletableFuture<Void> send;
            try {
                send = emitter.sendMessage(KeyedMessages.keyed(e.reportId(), e)).subscribeAsCompletionStage();
            } catch (RuntimeException refused) {
                send = CompletableFuture.failedFuture(refused); // the channel is down or its buffer full
            }
            sends.add(send);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Boolean> acked = new ArrayList<>(sends.size());
        for (CompletableFuture<Void> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(true);
            } catch (ExecutionException | TimeoutException e) {
                acked.add(false);
            }
        }
        return acked;
    }
}
