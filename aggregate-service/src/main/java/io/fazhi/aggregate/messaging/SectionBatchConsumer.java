package io.fazhi.aggregate.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.domain.rollup.BatchAggregation;
import io.fazhi.aggregate.domain.rollup.BatchResult;
import io.fazhi.aggregate.domain.rollup.SectionFacts;
import io.fazhi.aggregate.model.DataRejectedException;
import io.fazhi.aggregate.model.RevisionKey;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.kafka.DeadLetterPoisonOnly;
import io.fazhi.kafka.EventBatch;
import io.fazhi.kafka.EventDecoder;
import io.fazhi.kafka.PoisonMessageException;
import io.fazhi.kafka.TransientRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes section events in batches (one poll, up to {@code max.poll.records}) and applies each batch in one
 * transaction; once it committed, AGGREGATED is sent for every complete revision the batch touched (again for a
 * redelivery, so it is never lost), and then the offsets are committed.
 *
 * <p>Failures: a failure of the infrastructure (the database restarting, the broker away, a deadlock) retries the
 * whole batch transaction ({@link TransientRetry}), never dead-letters it. Only a poison record (unreadable JSON, a
 * schema too new, an event that breaks the contract, data the database rejects) goes to {@code sections.v1.dlq}: a
 * batch that fails on one is applied again one event at a time, so that only the poison one is dead-lettered. A
 * failure that is neither (a bug) is retried too, logged and counted, rather than dead-lettering events that are
 * fine. With {@code concurrency} N the channel runs N consumers, each applying its partitions' batches in order.
 */
@ApplicationScoped
public class SectionBatchConsumer {
    /** The incoming channel, as configured in application.properties. */
    public static final String CHANNEL = "sections";
    /** Pause before retrying a failure that is neither transient nor poison. */
    static final Duration UNCLASSIFIED_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(SectionBatchConsumer.class);

    private final EventDecoder decoder;
    private final BatchAggregation aggregation;
    private final StatusPublisher status;
    private final TransientRetry retry;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter reportsAggregated;
    private final Counter unclassified;
    private final Timer transaction;
    private final DistributionSummary batchSize;

    public SectionBatchConsumer(
            ObjectMapper mapper,
            BatchAggregation aggregation,
            StatusPublisher status,
            TransientRetry retry,
            MeterRegistry registry) {
        this.decoder = new EventDecoder(mapper);
        this.aggregation = aggregation;
        this.status = status;
        this.retry = retry;
        this.applied = Counter.builder("fazhi.events.processed")
                .tag("outcome", "applied")
                .description("Section events applied, or recognised as redeliveries")
                .register(registry);
        this.duplicates = Counter.builder("fazhi.events.processed")
                .tag("outcome", "duplicate")
                .description("Section events applied, or recognised as redeliveries")
                .register(registry);
        this.reportsAggregated = Counter.builder("fazhi.reports.aggregated")
                .description("Report revisions whose last section arrived")
                .register(registry);
        this.unclassified = Counter.builder("fazhi.consumer.unclassified.failures")
                .tag("channel", CHANNEL)
                .description("Failures neither transient nor poison, retried (look at the log)")
                .register(registry);
        this.transaction = Timer.builder("fazhi.rollup.transaction")
                .description("The transaction of one batch: facts, current revisions, rollups")
                .publishPercentileHistogram()
                .register(registry);
        this.batchSize = DistributionSummary.builder("fazhi.consumer.batch.events")
                .tag("channel", CHANNEL)
                .description("Section events per consumed batch")
                .register(registry);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) throws Exception {
        EventBatch<SectionFacts> read = EventBatch.read(
                batch,
                json -> SectionFacts.of(decoder.decode(json, SectionExtracted.class, SectionExtracted.SCHEMA_VERSION)));
        batchSize.record(batch.getRecords().size());
        Set<RevisionKey> aggregated = new LinkedHashSet<>();
        List<EventBatch.Poison> poison = read.applyAllOrOneByOne(
                CHANNEL, events -> aggregated.addAll(apply(events)), SectionBatchConsumer::isPoison);
        List<RevisionKey> statuses = List.copyOf(aggregated);
        retried(() -> {
            status.aggregated(statuses);
            return null;
        });
        for (EventBatch.Poison p : poison) {
            retried(() -> {
                p.deadLetter();
                return null;
            });
        }
        return batch.ack();
    }

    /** Applies events in one transaction, retried until it commits; the complete revisions it touched. */
    private List<RevisionKey> apply(List<SectionFacts> events) throws Exception {
        if (events.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        BatchResult result = retried(() -> aggregation.apply(events));
        transaction.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        reportsAggregated.increment(result.completed());
        return result.aggregated();
    }

    /**
     * Runs work until it succeeds: transient failures with {@link TransientRetry}'s backoff; failures that are
     * neither transient nor poison after a pause, counted and logged. A poison failure, or any failure while the
     * service stops, is thrown.
     */
    private <T> T retried(Callable<T> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return retry.call(CHANNEL, work);
            } catch (Exception e) {
                if (isPoison(e) || DeadLetterPoisonOnly.stopping()) {
                    throw e;
                }
                unclassified.increment();
                LOG.errorf(
                        e,
                        "%s: unexpected failure (attempt %d), retried in %s",
                        CHANNEL,
                        attempt,
                        UNCLASSIFIED_BACKOFF);
                Thread.sleep(UNCLASSIFIED_BACKOFF.toMillis());
            }
        }
    }

    /** Whether no retry can succeed: the event breaks the contract, or the database rejects its data. */
    static boolean isPoison(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof PoisonMessageException || t instanceof DataRejectedException) {
                return true;
            }
        }
        return false;
    }
}
