package io.fazhi.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Failure strategy {@value #STRATEGY}: only a poison record, one that no retry can process, goes to the channel's
 * dead-letter topic (as with {@code dead-letter-queue}). A record that failed on the infrastructure ({@link
 * TransientFailures}: the database or the broker away) or because the service is stopping (the database or the
 * worker pool already closed) is neither dead-lettered nor committed: the next instance, or this one after a
 * restart, processes it again, and the idempotent consumers make that redelivery harmless. Consumers retry
 * transient failures themselves ({@link TransientRetry}), so one reaches this strategy only while the service
 * stops; should a consumer give up on one while running, the channel reports itself unhealthy (liveness DOWN), as
 * an uncommitted record would otherwise hold back the channel's commits for good. Dead-lettered records are counted in {@code fazhi_dead_letters_total{topic}}.
 */
@ApplicationScoped
@Identifier(DeadLetterPoisonOnly.STRATEGY)
public class DeadLetterPoisonOnly implements KafkaFailureHandler.Factory {
    public static final String STRATEGY = "dead-letter-poison";
    private static final Logger LOG = Logger.getLogger(DeadLetterPoisonOnly.class);
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    static {
        // SIGTERM runs the JVM's shutdown hooks at once, before Quarkus closes anything
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "fazhi-stopping-flag"));
    }

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry registry;

    @Inject
    public DeadLetterPoisonOnly(
            @Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterQueue, MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.registry = registry;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        STOPPING.set(true);
    }

    public static boolean stopping() {
        return STOPPING.get();
    }

    @Override
    public KafkaFailureHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler dlq = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        String channel = config.getChannel();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (STOPPING.get()) {
                    LOG.infof(
                            "%s: record %s-%d@%d failed while stopping (%s); left for the next instance",
                            channel, record.getTopic(), record.getPartition(), record.getOffset(), reason.toString());
                    return Uni.createFrom().voidItem();
                }
                if (TransientFailures.isTransient(reason)) {
                    // a consumer that gave up on a transient failure: never a dead letter, but no commit can pass the
                    // record either, so the channel reports itself unhealthy and liveness restarts the service,
                    // which redelivers the record from the last commit
                    LOG.errorf(
                            "%s: record %s-%d@%d failed on the infrastructure without a retry (%s); channel marked"
                                    + " unhealthy so the service is restarted and the record redelivered",
                            channel, record.getTopic(), record.getPartition(), record.getOffset(), reason.toString());
                    reportFailure.accept(reason, false);
                    return Uni.createFrom().voidItem();
                }
                registry.counter("fazhi.dead.letters", "topic", record.getTopic())
                        .increment();
                return dlq.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                dlq.terminate();
            }
        };
    }
}
