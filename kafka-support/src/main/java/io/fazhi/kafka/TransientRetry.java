package io.fazhi.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Retries work that failed on the infrastructure ({@link TransientFailures}) instead of letting the record be
 * dead-lettered: exponential backoff with jitter from {@code fazhi.retry.initial-backoff} up to {@code
 * fazhi.retry.max-backoff}, for as long as the failure is transient and the service is not stopping. A database
 * restart or a broker outage thus delays records, never loses or dead-letters them. Every retry is counted in
 * {@code fazhi_consumer_retries_total{channel,cause}}. A failure that is not transient is rethrown at once, for the
 * failure strategy to dead-letter; while the service stops, the failure is rethrown so the record is left for the
 * next instance.
 */
@ApplicationScoped
public class TransientRetry {
    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final MeterRegistry registry;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public TransientRetry(
            MeterRegistry registry,
            @ConfigProperty(name = "fazhi.retry.initial-backoff", defaultValue = "200ms") Duration initialBackoff,
            @ConfigProperty(name = "fazhi.retry.max-backoff", defaultValue = "5s") Duration maxBackoff) {
        this.registry = registry;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Runs {@code work} until it succeeds, fails for good, or the service stops. */
    public <T> T call(String channel, Callable<T> work) throws Exception {
        long backoff = initialBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (Exception e) {
                if (!TransientFailures.isTransient(e) || DeadLetterPoisonOnly.stopping()) {
                    throw e;
                }
                registry.counter("fazhi.consumer.retries", "channel", channel, "cause", rootType(e))
                        .increment();
                long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("%s: transient failure (attempt %d, retrying in %d ms): %s", channel, attempt, sleep, e);
                }
                Thread.sleep(sleep);
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }

    /** Runs {@code work} until it succeeds, fails for good, or the service stops. */
    public void run(String channel, Runnable work) throws Exception {
        call(channel, () -> {
            work.run();
            return null;
        });
    }

    private static String rootType(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 32 && t.getCause() != null && t.getCause() != t; i++) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
