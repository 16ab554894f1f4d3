package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.ingest.persistence.ReportStore;
import jakarta.enterprise.context.ApplicationScoped;
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

    public void onStatus(ReportStatusChanged event) {
        MDC.put("reportId", event.reportId());
        try {
            if (store.applyStatus(event)) {
                LOG.debugf("report %s revision %d is %s", event.reportId(), event.revision(), event.status());
            } else {
                LOG.debugf(
                        "status %s of report %s revision %d ignored: unknown revision, or not a step forward",
                        event.status(), event.reportId(), event.revision());
            }
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        } finally {
            MDC.remove("reportId");
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
