package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.OutboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-extraction: puts the current revision of every stored report (or those of one city, one year) back in the
 * outbox, RECEIVED, in one statement; the relay publishes them again with their stored text. extract-service then
 * stamps its current version, and aggregate-service replaces that revision's previous extraction.
 */
@ApplicationScoped
public class Reprocessing {
    private static final Logger LOG = Logger.getLogger(Reprocessing.class);

    private final OutboxStore outbox;
    private final OutboxRelay relay;

    public Reprocessing(OutboxStore outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    /** @param queued reports queued to be published again; skipped: revisions stored before texts were kept */
    public record Result(int queued, int skipped) {}

    public Result reprocess(Caller caller, String city, Integer year) {
        caller.requireOperator("reprocess reports");
        try {
            OutboxStore.Requeued r = outbox.requeue(city, year);
            relay.wake();
            LOG.infof(
                    "reprocessing city=%s year=%s: %d reports queued again, %d without stored text",
                    city, year, r.queued(), r.withoutText());
            return new Result(r.queued(), r.withoutText());
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
