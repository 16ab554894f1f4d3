package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.ingest.messaging.ReportPublisher;
import io.fazhi.ingest.persistence.AgencyEntity;
import io.fazhi.ingest.persistence.ReportEntity;
import io.fazhi.ingest.persistence.RevisionEntity;
import io.fazhi.ingest.persistence.UploadStore;
import io.fazhi.problems.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Accepting a report: decide whose it is and whether it is new, a revision or a duplicate; record it; publish it;
 * and only then answer. A report (or revision) whose publication failed is removed again, so nothing
 * half-accepted remains.
 */
@ApplicationScoped
public class ReportService {
    private static final Logger LOG = Logger.getLogger(ReportService.class);
    /** "江门市XX局2019年法治政府建设年度报告": the report's year, from its title line */
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年度?[^。\\n]{0,30}法治");

    private final ReportPublisher publisher;
    private final UploadStore store;
    private final Limits limits;

    public ReportService(ReportPublisher publisher, UploadStore store, Limits limits) {
        this.publisher = publisher;
        this.store = store;
        this.limits = limits;
    }

    /** Who owns it, the metadata to publish, and the series (agency and year) its revisions belong to. */
    private record Resolved(String owner, Metadata metadata, String seriesKey) {}

    public Accepted accept(ReportUpload upload) {
        String text = Texts.usable(upload.text(), limits.textChars());
        Metadata md = upload.metadata().validated();
        Resolved resolved = resolve(upload.caller(), md, text);
        String sha = sha256(text.getBytes(StandardCharsets.UTF_8));
        String blobSha = sha256(upload.original());
        String fingerprint = sha256(
                (upload.originalType() + "\n" + blobSha + "\n" + md.canonical()).getBytes(StandardCharsets.UTF_8));
        String scope = upload.caller().idempotencyScope();
        String key = upload.idempotencyKey();

        for (int attempt = 1; ; attempt++) {
            Optional<Accepted> earlier = QuarkusTransaction.requiringNew()
                    .call(() -> earlier(scope, key, fingerprint, resolved.owner(), sha));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                Inserted inserted = QuarkusTransaction.requiringNew()
                        .call(() -> insert(upload, resolved, text, sha, blobSha, scope, key, fingerprint));
                return publish(inserted, text);
            } catch (RuntimeException e) {
                // a concurrent upload of the same content, series or key won the race: answer as it did
                if (!isConflict(e) || attempt >= 3) {
                    throw e;
                }
                LOG.debugf("upload raced with another (%s); retrying", e.toString());
            }
        }
    }

    private Resolved resolve(Caller caller, Metadata md, String text) {
        Metadata resolved = md;
        String owner;
        if (caller.operator()) {
            if (md.agency() != null) {
                AgencyEntity agency = AgencyEntity.findById(md.agency());
                if (agency != null) {
                    resolved = md.withAgency(
                            md.agency(),
                            md.city() != null ? md.city() : agency.city,
                            md.district() != null ? md.district() : agency.district);
                }
            }
            owner = resolved.agency() == null ? "" : resolved.agency();
        } else {
            if (md.agency() != null && !md.agency().equals(caller.agency())) {
                throw new ProblemException(
                        403, "an agency may upload only its own reports, not those of " + md.agency());
            }
            AgencyEntity agency = QuarkusTransaction.requiringNew().call(() -> AgencyEntity.findById(caller.agency()));
            if (agency == null) {
                throw new ProblemException(403, "agency " + caller.agency() + " is not registered; ask an operator");
            }
            // the registry, not the upload, says where an agency is
            resolved = md.withAgency(agency.name, agency.city, agency.district);
            owner = agency.name;
        }
        Integer year = resolved.year() != null ? resolved.year() : titleYear(text);
        String series = owner.isEmpty() || year == null ? null : owner + "|" + year;
        return new Resolved(owner, resolved, series);
    }

    /** The year the title line names, for grouping revisions when the upload did not say. */
    static Integer titleYear(String text) {
        Matcher m = TITLE_YEAR.matcher(text.substring(0, Math.min(text.length(), 300)));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The same Idempotency-Key (same request: its report; another request: 409), or the same content. */
    private Optional<Accepted> earlier(String scope, String key, String fingerprint, String owner, String sha) {
        if (key != null) {
            Optional<UploadStore.IdempotentRequest> seen = store.idempotencyKey(scope, key);
            if (seen.isPresent()) {
                if (!seen.get().fingerprint().equals(fingerprint)) {
                    throw new ProblemException(409, "the Idempotency-Key was used before with a different request");
                }
                return Optional.of(new Accepted(current(seen.get().reportId()), Outcome.DUPLICATE));
            }
        }
        RevisionEntity same = RevisionEntity.findByContent(owner, sha);
        if (same == null) {
            return Optional.empty();
        }
        if (key != null) {
            store.putIdempotencyKey(scope, key, fingerprint, same.reportId, same.revision);
        }
        return Optional.of(new Accepted(current(same.reportId), Outcome.DUPLICATE));
    }

    private static RevisionEntity current(String reportId) {
        ReportEntity r = ReportEntity.findById(reportId);
        return RevisionEntity.find(reportId, r.revision);
    }

    private record Inserted(RevisionEntity revision, boolean newReport, String blobSha) {}

    private Inserted insert(
            ReportUpload upload,
            Resolved resolved,
            String text,
            String sha,
            String blobSha,
            String scope,
            String key,
            String fingerprint) {
        Instant now = Instant.now();
        store.putBlob(blobSha, upload.originalType(), upload.original());
        ReportEntity report = resolved.seriesKey() == null
                ? null
                : ReportEntity.find("seriesKey", resolved.seriesKey())
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult();
        boolean newReport = report == null;
        if (newReport) {
            report = new ReportEntity();
            report.id = UUID.randomUUID().toString();
            report.revision = 1;
            report.uploader = resolved.owner();
            report.seriesKey = resolved.seriesKey();
            report.receivedAt = now;
            report.updatedAt = now;
            report.persist();
        } else {
            report.revision = report.revision + 1;
            report.updatedAt = now;
        }
        Metadata md = resolved.metadata();
        RevisionEntity v = new RevisionEntity();
        v.reportId = report.id;
        v.revision = report.revision;
        v.uploader = resolved.owner();
        v.uploadedBy = upload.caller().subject();
        v.contentSha256 = sha;
        v.blobSha256 = blobSha;
        v.text = text;
        v.textChars = text.length();
        v.agency = md.agency();
        v.city = md.city();
        v.district = md.district();
        v.year = md.year();
        v.title = md.title();
        v.published = md.published();
        v.sourceUrl = md.sourceUrl();
        v.status = Status.RECEIVED;
        v.receivedAt = now;
        v.updatedAt = now;
        v.persist();
        RevisionEntity.flush();
        if (key != null && !store.putIdempotencyKey(scope, key, fingerprint, v.reportId, v.revision)) {
            throw new PersistenceException("Idempotency-Key recorded concurrently");
        }
        return new Inserted(v, newReport, blobSha);
    }

    private Accepted publish(Inserted inserted, String text) {
        RevisionEntity v = inserted.revision();
        MDC.put("reportId", v.reportId);
        try {
            publisher.publish(event(v, text));
            LOG.infof("report %s revision %d accepted (%d characters)", v.reportId, v.revision, v.textChars);
            return new Accepted(v, inserted.newReport() ? Outcome.ACCEPTED : Outcome.REVISION);
        } catch (RuntimeException e) {
            LOG.warnf("publishing report %s revision %d failed, removing it: %s", v.reportId, v.revision, e.toString());
            QuarkusTransaction.requiringNew().run(() -> undo(inserted));
            throw new ProblemException(
                    503,
                    "the message broker did not acknowledge the report; nothing was stored, try again later",
                    Map.of("Retry-After", "10"));
        } finally {
            MDC.remove("reportId");
        }
    }

    /** Removes what {@link #insert} stored: the revision (its Idempotency-Key with it), a new report, the blob. */
    private void undo(Inserted inserted) {
        RevisionEntity v = inserted.revision();
        if (inserted.newReport()) {
            ReportEntity.delete("id", v.reportId); // revisions and keys cascade
        } else {
            RevisionEntity.delete("reportId = ?1 and revision = ?2", v.reportId, v.revision);
            ReportEntity report = ReportEntity.findById(v.reportId, LockModeType.PESSIMISTIC_WRITE);
            Integer latest = RevisionEntity.getEntityManager()
                    .createQuery("select max(revision) from RevisionEntity where reportId = ?1", Integer.class)
                    .setParameter(1, v.reportId)
                    .getSingleResult();
            report.revision = latest == null ? 1 : latest;
        }
        RevisionEntity.flush();
        store.deleteBlobIfUnreferenced(inserted.blobSha());
    }

    static ReportSubmitted event(RevisionEntity v, String text) {
        return new ReportSubmitted(
                ReportSubmitted.SCHEMA_VERSION,
                v.reportId,
                v.revision,
                v.agency,
                v.city,
                v.district,
                v.year,
                v.title,
                v.published,
                v.sourceUrl,
                text,
                v.receivedAt,
                false);
    }

    // ------------------------------------------------------------------ reading

    /** A report's current revision, if the caller may see it: 404 when there is none, 403 when it is not theirs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevisionEntity find(Caller caller, String id) {
        ReportEntity r = ReportEntity.findById(id);
        if (r == null) {
            throw new ProblemException(404, "no report with id " + Texts.shorten(id, 60));
        }
        if (!caller.maySee(r.uploader)) {
            throw new ProblemException(403, "this report belongs to another agency");
        }
        return RevisionEntity.find(id, r.revision);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionEntity> history(Caller caller, String id) {
        find(caller, id);
        return RevisionEntity.history(id);
    }

    /** The original upload of a revision: content type and bytes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UploadStore.Blob original(Caller caller, String id, int revision) {
        find(caller, id);
        RevisionEntity v = RevisionEntity.find(id, revision);
        if (v == null || v.blobSha256 == null) {
            throw new ProblemException(404, "no stored upload for revision " + revision + " of report " + id);
        }
        return store.blob(v.blobSha256).orElseThrow(() -> new ProblemException(404, "the upload is not stored"));
    }

    public record Listing(List<RevisionEntity> items, long total) {}

    /** The reports the caller may see (an agency: its own), newest first, filtered and paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(Caller caller, String agency, Integer year, Status status, int page, int size) {
        if (!caller.operator() && agency != null && !agency.equals(caller.agency())) {
            throw new ProblemException(403, "an agency may list only its own reports");
        }
        StringBuilder where = new StringBuilder("r.id = v.reportId and r.revision = v.revision");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!caller.operator()) {
            where.append(" and r.uploader = :owner");
            params.put("owner", caller.agency());
        }
        if (agency != null) {
            where.append(" and v.agency = :agency");
            params.put("agency", agency);
        }
        if (year != null) {
            where.append(" and v.year = :year");
            params.put("year", year);
        }
        if (status != null) {
            where.append(" and v.status = :status");
            params.put("status", status);
        }
        PanacheQuery<RevisionEntity> q = RevisionEntity.find(
                "select v from RevisionEntity v, ReportEntity r where " + where + " order by r.receivedAt desc, r.id",
                params);
        jakarta.persistence.TypedQuery<Long> count = RevisionEntity.getEntityManager()
                .createQuery("select count(v) from RevisionEntity v, ReportEntity r where " + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        return new Listing(q.page(Page.of(page, size)).list(), total);
    }

    // ------------------------------------------------------------------ status from the pipeline

    /** Applies a status event to its revision; status only moves forward, FAILED always applies. */
    @Transactional
    public void onStatus(ReportStatusChanged event) {
        MDC.put("reportId", event.reportId());
        try {
            RevisionEntity r = RevisionEntity.find(event.reportId(), event.revision());
            if (r == null) {
                LOG.warnf(
                        "status %s for unknown report %s revision %d ignored",
                        event.status(), event.reportId(), event.revision());
                return;
            }
            if (!event.status().isAfter(r.status)) {
                return;
            }
            r.status = event.status();
            r.statusReason = event.reason();
            r.updatedAt = Instant.now();
            if (event.extractorVersion() != null) {
                r.extractorVersion = event.extractorVersion();
            }
            if (event.sections() != null) {
                r.sections = event.sections();
                r.metrics = event.metrics();
            }
            ReportInfo info = event.report();
            if (info != null) {
                r.agency = r.agency != null ? r.agency : info.agency();
                r.city = r.city != null ? r.city : info.city();
                r.district = r.district != null ? r.district : info.district();
                r.year = r.year != null ? r.year : info.year();
                r.published = r.published != null ? r.published : info.published();
                r.title = r.title != null ? r.title : info.title();
                r.compliance = info.compliance();
                r.warnings = info.warnings();
            }
            LOG.debugf("report %s revision %d is %s", r.reportId, r.revision, r.status);
        } finally {
            MDC.remove("reportId");
        }
    }

    /** A message about this report could not be processed: the revision is FAILED, with the reason. */
    @Transactional
    public void onDeadLetter(String reportId, Integer revision, String reason) {
        MDC.put("reportId", reportId);
        try {
            ReportEntity report = ReportEntity.findById(reportId);
            RevisionEntity r = report == null
                    ? null
                    : RevisionEntity.find(reportId, revision != null ? revision : report.revision);
            if (r == null) {
                LOG.warnf("dead letter for unknown report %s: %s", reportId, reason);
                return;
            }
            r.status = Status.FAILED;
            r.statusReason = reason;
            r.updatedAt = Instant.now();
        } finally {
            MDC.remove("reportId");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a failure is a unique-key conflict with a concurrent upload. */
    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof PersistenceException
                    && t.getMessage() != null
                    && t.getMessage().contains("recorded concurrently")) {
                return true;
            }
        }
        return false;
    }
}
