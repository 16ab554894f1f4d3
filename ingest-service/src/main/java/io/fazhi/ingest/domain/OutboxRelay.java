package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.ingest.messaging.ReportPublisher;
import io.fazhi.ingest.persistence.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox: every stored revision reaches {@code reports.v1}, once the broker can take it, however often
 * the service, the broker or the database went away in between. One thread per instance claims a batch of
 * unpublished revisions ({@link OutboxStore}: several instances never take the same rows), sends them together,
 * marks those the broker acknowledged and commits. It wakes on every upload's commit and polls besides (revisions
 * left by a killed instance, or a broker outage), backing off while the broker or the database is away.
 *
 * <p>A send that was not acknowledged in time stays unpublished and is sent again, each time with twice the wait
 * (up to {@code fazhi.ingest.relay.max-ack-timeout}): it may have been written, and the copy is harmless downstream
 * (extract-service and aggregate-service are idempotent per report revision). Nothing is ever undone for a timeout.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_TRACKED = 10_000;

    private final OutboxStore outbox;
    private final ReportPublisher publisher;
    private final int batchSize;
    private final long batchBytes;
    private final Duration pollInterval;
    private final Duration ackTimeout;
    private final Duration maxAckTimeout;
    private final Duration maxBackoff;
    private final Semaphore wakeUp = new Semaphore(0);
    /** sends of a revision that were not acknowledged in time, by "id/revision" */
    private final Map<String, Integer> unacknowledged = new HashMap<>();

    private final Counter published;
    private final Counter notAcknowledged;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestMillis = new AtomicLong();
    private long backlogReadAt = System.nanoTime() - 10_000_000_000L;
    private volatile boolean running;
    private volatile Thread thread;

    public OutboxRelay(
            OutboxStore outbox,
            ReportPublisher publisher,
            MeterRegistry registry,
            @ConfigProperty(name = "fazhi.ingest.relay.batch-size", defaultValue = "64") int batchSize,
            @ConfigProperty(name = "fazhi.ingest.relay.batch-bytes", defaultValue = "16777216") long batchBytes,
            @ConfigProperty(name = "fazhi.ingest.relay.poll-interval", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "fazhi.ingest.relay.ack-timeout", defaultValue = "10s") Duration ackTimeout,
            @ConfigProperty(name = "fazhi.ingest.relay.max-ack-timeout", defaultValue = "60s") Duration maxAckTimeout,
            @ConfigProperty(name = "fazhi.ingest.relay.max-backoff", defaultValue = "5s") Duration maxBackoff) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.pollInterval = pollInterval;
        this.ackTimeout = ackTimeout;
        this.maxAckTimeout = maxAckTimeout;
        this.maxBackoff = maxBackoff;
        this.published = Counter.builder("fazhi.outbox.published")
                .description("revisions the broker acknowledged")
                .register(registry);
        this.notAcknowledged = Counter.builder("fazhi.outbox.unacknowledged")
                .description("sends not acknowledged in time (sent again later)")
                .register(registry);
        Gauge.builder("fazhi.outbox.pending", pending, AtomicLong::get)
                .description("revisions stored but not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("fazhi.outbox.oldest.seconds", oldestMillis, m -> m.get() / 1000.0)
                .description("how long the oldest unpublished revision has waited")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        Thread t = thread;
        if (t != null) {
            t.join(Duration.ofSeconds(15).toMillis());
        }
    }

    /** Called after a revision was committed: publish it now rather than at the next poll. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Whether the relay's thread runs (liveness). */
    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                Round round = relayOnce();
                if (round.failed()) {
                    sleep(backoff);
                    backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
                    continue;
                }
                backoff = 100;
                if (round.claimed() < batchSize) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.warnf("outbox relay: %s; retrying in %d ms", e.toString(), backoff);
                try {
                    sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }

    /** How many revisions a round claimed, and whether some were not acknowledged. */
    record Round(int claimed, boolean failed) {}

    /** Claims one batch, publishes it, marks what was acknowledged. */
    Round relayOnce() throws InterruptedException {
        refreshBacklog();
        try (OutboxStore.Batch batch = outbox.claim(batchSize, batchBytes)) {
            List<OutboxStore.Pending> rows = batch.rows();
            if (rows.isEmpty()) {
                return new Round(0, false);
            }
            List<ReportSubmitted> events = new ArrayList<>(rows.size());
            Duration wait = ackTimeout;
            for (OutboxStore.Pending p : rows) {
                events.add(event(p));
                wait = max(wait, timeoutFor(key(p)));
            }
            List<Boolean> acked = publisher.publish(events, wait);
            List<OutboxStore.Pending> done = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String key = key(rows.get(i));
                if (acked.get(i)) {
                    done.add(rows.get(i));
                    unacknowledged.remove(key);
                } else {
                    if (unacknowledged.size() >= MAX_TRACKED) {
                        unacknowledged.clear();
                    }
                    unacknowledged.merge(key, 1, Integer::sum);
                }
            }
            batch.commit(done);
            published.increment(done.size());
            int missing = rows.size() - done.size();
            if (missing > 0) {
                notAcknowledged.increment(missing);
                LOG.warnf(
                        "outbox relay: %d of %d revisions not acknowledged within %s; they stay in the outbox",
                        missing, rows.size(), wait);
            }
            return new Round(rows.size(), missing > 0);
        }
    }

    /** The backlog gauges, read from the outbox at most every 5 s (a count on its partial index). */
    private void refreshBacklog() {
        long now = System.nanoTime();
        if (now - backlogReadAt < 5_000_000_000L) {
            return;
        }
        backlogReadAt = now;
        OutboxStore.Backlog b = outbox.backlog();
        pending.set(b.revisions());
        oldestMillis.set((long) (b.oldestSeconds() * 1000));
    }

    /** The wait for a revision's acknowledgement: doubled for every send of it that was not acknowledged in time. */
    private Duration timeoutFor(String key) {
        int misses = unacknowledged.getOrDefault(key, 0);
        Duration t = ackTimeout.multipliedBy(1L << Math.min(misses, 10));
        return t.compareTo(maxAckTimeout) > 0 ? maxAckTimeout : t;
    }

    static ReportSubmitted event(OutboxStore.Pending p) {
        return new ReportSubmitted(
                ReportSubmitted.SCHEMA_VERSION,
                p.reportId(),
                p.revision(),
                p.agency(),
                p.city(),
                p.district(),
                p.year(),
                p.title(),
                p.published(),
                p.sourceUrl(),
                p.text(),
                p.receivedAt(),
                p.withdrawn());
    }

    private static String key(OutboxStore.Pending p) {
        return p.reportId() + "/" + p.revision();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void sleep(long millis) throws InterruptedException {
        // woken early by an upload only when running; a stop wakes it too
        wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
}
