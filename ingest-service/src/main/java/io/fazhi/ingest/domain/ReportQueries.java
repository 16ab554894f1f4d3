package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.ingest.persistence.ReportStore;
import io.fazhi.ingest.persistence.StoredRevision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reading reports as the caller may see them: an agency its own, an operator all. */
@ApplicationScoped
public class ReportQueries {
    private final ReportStore store;

    public ReportQueries(ReportStore store) {
        this.store = store;
    }

    /** A report's current revision, if the caller may see it. */
    public StoredRevision find(Caller caller, String id) {
        try {
            StoredRevision r = store.current(id)
                    .orElseThrow(() -> new DomainException.NotFound("no report with id " + Shorten.to(id, 60)));
            if (!caller.maySee(r.owner())) {
                throw new DomainException.NotPermitted("this report belongs to another agency");
            }
            return r;
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** Every revision of a report, oldest first. */
    public List<StoredRevision> history(Caller caller, String id) {
        find(caller, id);
        try {
            return store.history(id);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** The upload of a revision as it was received. */
    public ReportStore.Original original(Caller caller, String id, int revision) {
        find(caller, id);
        try {
            return store.original(id, revision)
                    .orElseThrow(() -> new DomainException.NotFound(
                            "no stored upload for revision " + revision + " of report " + Shorten.to(id, 60)));
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** The reports the caller may see, newest first, filtered and paged. */
    public ReportStore.Page list(Caller caller, String agency, Integer year, Status status, int page, int size) {
        if (!caller.operator() && agency != null && !agency.equals(caller.agency())) {
            throw new DomainException.NotPermitted("an agency may list only its own reports");
        }
        try {
            return store.list(
                    new ReportStore.ListFilter(caller.operator() ? null : caller.agency(), agency, year, status),
                    page,
                    size);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
