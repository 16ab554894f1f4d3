package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.MergeStore;
import io.fazhi.ingest.persistence.StoredRevision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * An operator's corrections of which report is which: merge two reports that are one (the other becomes this one's
 * revision and leaves the rollups), split a revision that is another report off again (a wrong merge, or a wrong
 * match at upload), withdraw a report. Each change is published as revisions, so the rollups follow in each report's
 * own order.
 */
@ApplicationScoped
public class ReportCorrections {
    private static final Logger LOG = Logger.getLogger(ReportCorrections.class);

    private final MergeStore store;
    private final ReportQueries queries;
    private final OutboxRelay relay;

    public ReportCorrections(MergeStore store, ReportQueries queries, OutboxRelay relay) {
        this.store = store;
        this.queries = queries;
        this.relay = relay;
    }

    /** The result of a split: the report, and the report split off it. */
    public record Split(StoredRevision report, StoredRevision splitOff, boolean reinstated) {}

    /** Merges {@code sourceId} into {@code targetId}; answers the target's current revision. */
    public StoredRevision merge(Caller caller, String targetId, String sourceId) {
        caller.requireOperator("merge reports");
        refusing(() -> {
            store.merge(targetId, sourceId, caller.subject());
            return null;
        });
        LOG.infof("report %s merged into report %s by %s", sourceId, targetId, caller.subject());
        relay.wake();
        return queries.find(caller, targetId);
    }

    /** Splits revision {@code revision} off report {@code reportId}. */
    public Split split(Caller caller, String reportId, int revision) {
        caller.requireOperator("split reports");
        MergeStore.Split split =
                refusing(() -> store.split(reportId, revision, UUID.randomUUID().toString(), caller.subject()));
        LOG.infof(
                "revision %d of report %s split off to report %s (%s) by %s",
                revision, reportId, split.reportId(), split.reinstated() ? "reinstated" : "new", caller.subject());
        relay.wake();
        return new Split(queries.find(caller, reportId), queries.find(caller, split.reportId()), split.reinstated());
    }

    /** Takes a report out of every rollup. */
    public StoredRevision withdraw(Caller caller, String reportId) {
        caller.requireOperator("withdraw reports");
        refusing(() -> {
            store.withdraw(reportId, caller.subject());
            return null;
        });
        relay.wake();
        return queries.find(caller, reportId);
    }

    /** Runs a correction; the store's refusal becomes not found or a conflict. */
    private static <T> T refusing(Supplier<T> work) {
        try {
            return work.get();
        } catch (MergeStore.Refused r) {
            throw r.refusal() == MergeStore.Refusal.NOT_FOUND
                    ? new DomainException.NotFound(r.getMessage())
                    : new DomainException.Conflict(r.getMessage());
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
