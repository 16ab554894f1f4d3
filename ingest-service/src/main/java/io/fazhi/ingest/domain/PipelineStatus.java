package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.ingest.persistence.ReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The status the other services report for each revision: it only moves forward (a late EXTRACTED never hides an
 * AGGREGATED), and a dead letter marks its revision FAILED with the reason. A database failure is thrown as
 * {@link DomainException.Unavailable}, for the consumer to retry.
 */
@ApplicationScoped
public class PipelineStatus {
    private static final Logger LOG = Logger.getLogger(PipelineStatus.class);

    private final ReportStore store;

    public PipelineStatus(ReportStore store) {
        this.store = store;
    }

    /** Records the statuses of one poll, in order, in one transaction. */
    public void onStatuses(List<ReportStatusChanged> events) {
        boolean[] changed;
        try {
            changed = store.applyStatuses(events);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
        if (LOG.isDebugEnabled()) {
            for (int i = 0; i < events.size(); i++) {
                ReportStatusChanged e = events.get(i);
                LOG.debugf(
                        changed[i]
                                ? "report %s revision %d is %s"
                                : "status of report %s revision %d ignored (%s): unknown revision, or not a step"
                                        + " forward",
                        e.reportId(),
                        e.revision(),
                        e.status());
            }
        }
    }

    /** A message about this report could not be processed: the revision is FAILED, with the reason. */
    public void onDeadLetter(String reportId, Integer revision, String reason) {
        MDC.put("reportId", reportId);
        try {
            if (!store.markFailed(reportId, revision, reason)) {
                LOG.warnf("dead letter for unknown report %s: %s", reportId, reason);
            }
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        } finally {
            MDC.remove("reportId");
        }
    }
}
