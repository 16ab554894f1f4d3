package io.fazhi.aggregate.domain.rollup;

import io.fazhi.aggregate.persistence.IndicatorCatalog;
import io.fazhi.aggregate.persistence.RecomputeStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The full recompute of every rollup from the facts, for repairs (an operator calls it; a migration that changes
 * how rollups are derived asks for it at the next start), and the indicator catalogue the SQL views read, written at
 * every start. The recompute runs in one transaction: readers see the old rollups until it commits, consumers wait
 * for it and then continue incrementally on the rebuilt tables.
 */
@ApplicationScoped
public class RollupRepair {
    /** The maintenance task a migration inserts to have every rollup recomputed at the next start. */
    static final String RECOMPUTE_TASK = "recompute-rollups";

    private static final Logger LOG = Logger.getLogger(RollupRepair.class);

    private final RecomputeStore recompute;
    private final IndicatorCatalog indicators;

    public RollupRepair(RecomputeStore recompute, IndicatorCatalog indicators) {
        this.recompute = recompute;
        this.indicators = indicators;
    }

    /** What a recompute rebuilt and how long it took. */
    public record Recomputed(int cells, int slices, long millis) {}

    /** The recompute's transaction may take longer than a batch's: it reads every fact (see application.properties). */
    static final String TIMEOUT_PROPERTY = "fazhi.recompute.transaction-timeout";

    /** Recomputes every rollup from the facts, in one transaction. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = TIMEOUT_PROPERTY)
    public Recomputed recomputeAll() {
        return rebuild();
    }

    /** Recomputes every rollup if a migration asked for it; one instance does it, the others find it done. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = TIMEOUT_PROPERTY)
    public void recomputeIfAsked() {
        if (recompute.claimTask(RECOMPUTE_TASK)) {
            LOG.info("a migration asked for every rollup to be recomputed");
            rebuild();
        }
    }

    private Recomputed rebuild() {
        long start = System.nanoTime();
        RecomputeStore.Rebuilt r = recompute.rebuildAll();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("rollups recomputed from the facts: %d cells, %d slices in %d ms", r.cells(), r.slices(), millis);
        return new Recomputed(r.cells(), r.slices(), millis);
    }

    void onStart(@Observes StartupEvent event, RollupRepair self) {
        QuarkusTransaction.requiringNew().run(indicators::write);
        self.recomputeIfAsked();
    }
}
