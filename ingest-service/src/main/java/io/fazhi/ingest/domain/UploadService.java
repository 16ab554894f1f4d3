package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.Normaliser;
import io.fazhi.engine.ReportMetadata;
import io.fazhi.ingest.domain.identity.AgencyNames;
import io.fazhi.ingest.domain.identity.ContentFingerprint;
import io.fazhi.ingest.domain.identity.Identity;
import io.fazhi.ingest.domain.identity.IdentityDecision;
import io.fazhi.ingest.domain.identity.SimilaritySketch;
import io.fazhi.ingest.persistence.ReportStore;
import io.fazhi.ingest.persistence.StorageException;
import io.fazhi.ingest.persistence.StoredRevision;
import io.fazhi.ingest.persistence.UploadStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Accepting an upload: decide which report it is ({@link IdentityDecision}: the same text, a near duplicate, the same
 * agency and year, or a new report), then store it in one statement whose commit also puts it in the outbox. The
 * answer comes after that commit, so an accepted report will certainly be published ({@link OutboxRelay}), however
 * long the broker is away; a retry with the same Idempotency-Key or the same text finds the same report.
 *
 * <p>Work per upload: the engine's normalisation, one SHA-256 and one sketch pass over the normalised text, the
 * engine's metadata of it; then one lookup round trip and one insert statement.
 */
@ApplicationScoped
public class UploadService {
    private static final Logger LOG = Logger.getLogger(UploadService.class);
    private static final int ATTEMPTS = 3;

    private final UploadStore store;
    private final ReportStore reports;
    private final Normaliser normaliser;
    private final Extractor extractor;
    private final OutboxRelay relay;

    public UploadService(
            UploadStore store, ReportStore reports, Normaliser normaliser, Extractor extractor, OutboxRelay relay) {
        this.store = store;
        this.reports = reports;
        this.normaliser = normaliser;
        this.extractor = extractor;
        this.relay = relay;
    }

    /** What the text and the uploader say, computed once before the lookup. */
    private record Reading(
            ContentFingerprint content,
            String originalSha256,
            String agencyName,
            String city,
            String district,
            Integer year) {}

    public Accepted accept(ReportUpload upload) {
        UploadMetadata md = upload.metadata();
        Caller caller = upload.caller();
        if (!caller.operator() && md.agency() != null && !md.agency().equals(caller.agency())) {
            throw new DomainException.NotPermitted(
                    "an agency may upload only its own reports, not those of " + md.agency());
        }
        Reading reading = read(upload);
        String fingerprint = ContentFingerprint.sha256(upload.originalType() + "\n" + reading.originalSha256() + "\n"
                + upload.metadata().canonical());
        UploadStore.KeyUse key = upload.idempotencyKey() == null
                ? null
                : new UploadStore.KeyUse(caller.idempotencyScope(), upload.idempotencyKey(), fingerprint);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(upload, reading, key, fingerprint);
                } catch (StorageException e) {
                    // a concurrent upload of the same text, key or identity won a unique key: decide again
                    if (!e.uniqueViolation() || attempt >= ATTEMPTS) {
                        throw e;
                    }
                    LOG.debugf("upload raced with another (%s); deciding again", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    private Reading read(ReportUpload upload) {
        String normalised = normaliser.normalise(upload.text()).text();
        ContentFingerprint content = ContentFingerprint.of(normalised);
        UploadMetadata md = upload.metadata();
        boolean needsText = md.agency() == null || md.city() == null || md.year() == null;
        ReportMetadata text = needsText
                ? extractor.metadata(normalised)
                : new ReportMetadata(null, null, null, null, null, null, null);
        String agency = upload.caller().operator()
                ? first(md.agency(), text.agency())
                : upload.caller().agency();
        return new Reading(
                content,
                ContentFingerprint.sha256(upload.original()),
                agency,
                first(md.city(), text.city()),
                first(md.district(), text.district()),
                first(md.year(), text.year()));
    }

    private Accepted attempt(ReportUpload upload, Reading reading, UploadStore.KeyUse key, String fingerprint) {
        Caller caller = upload.caller();
        SimilaritySketch sketch = reading.content().sketch();
        List<String> names = caller.operator()
                ? AgencyNames.lookupNames(reading.agencyName(), reading.city())
                : List.of(caller.agency());
        String fallbackKey = caller.operator() ? AgencyNames.key(reading.agencyName(), reading.city()) : null;
        UploadStore.Found found = store.lookup(new UploadStore.Lookup(
                names,
                fallbackKey,
                reading.year(),
                caller.idempotencyScope(),
                upload.idempotencyKey(),
                reading.content().sha256(),
                sketch == null ? null : sketch.bandKeys(),
                SimilaritySketch.MIN_SHARED_BANDS));
        Identity identity = identity(caller, upload.metadata(), reading, found.agency());
        IdentityDecision.Decision decision = IdentityDecision.decide(identity, sketch, fingerprint, known(found));
        if (decision instanceof IdentityDecision.Existing e) {
            return existing(caller, found, e, key);
        }
        if (decision instanceof IdentityDecision.NewRevision r) {
            return revision(upload, reading, identity, match(found, r.report()), key);
        }
        if (decision instanceof IdentityDecision.NewReport) {
            return newReport(upload, reading, identity, key);
        }
        throw new DomainException.Conflict("the Idempotency-Key was used before with a different request");
    }

    /** Who the report is: for an agency, the registry; for an operator, the metadata, else the registry, else the text. */
    private static Identity identity(
            Caller caller, UploadMetadata md, Reading reading, UploadStore.RegisteredAgency registered) {
        if (!caller.operator()) {
            if (registered == null) {
                throw new DomainException.NotPermitted(
                        "agency " + caller.agency() + " is not registered; ask an operator");
            }
            // the registry, not the upload, says where an agency is
            return new Identity(
                    registered.agencyKey(),
                    registered.name(),
                    registered.city(),
                    registered.district(),
                    reading.year());
        }
        if (registered != null) {
            return new Identity(
                    registered.agencyKey(),
                    registered.name(),
                    first(md.city(), registered.city()),
                    first(md.district(), registered.district()),
                    reading.year());
        }
        return new Identity(
                AgencyNames.key(reading.agencyName(), reading.city()),
                reading.agencyName(),
                reading.city(),
                reading.district(),
                reading.year());
    }

    private static IdentityDecision.Found known(UploadStore.Found f) {
        List<IdentityDecision.Near> near = new ArrayList<>(f.near().size());
        for (UploadStore.NearMatch n : f.near()) {
            near.add(new IdentityDecision.Near(known(n.report()), SimilaritySketch.fromBytes(n.sketch())));
        }
        return new IdentityDecision.Found(
                f.keyFingerprint(), known(f.keyReport()), known(f.exact()), known(f.sameIdentity()), near);
    }

    private static IdentityDecision.Known known(UploadStore.Match m) {
        return m == null ? null : new IdentityDecision.Known(m.reportId(), m.agencyKey(), m.year());
    }

    private static UploadStore.Match match(UploadStore.Found f, IdentityDecision.Known k) {
        for (UploadStore.Match m : candidates(f)) {
            if (m != null && m.reportId().equals(k.reportId())) {
                return m;
            }
        }
        throw new IllegalStateException("decided on a report that was not found: " + k.reportId());
    }

    private static List<UploadStore.Match> candidates(UploadStore.Found f) {
        List<UploadStore.Match> all = new ArrayList<>();
        all.add(f.keyReport());
        all.add(f.exact());
        all.add(f.sameIdentity());
        f.near().forEach(n -> all.add(n.report()));
        return all;
    }

    /** An upload of a report already stored: answered with that report, nothing stored but its Idempotency-Key. */
    private Accepted existing(
            Caller caller, UploadStore.Found found, IdentityDecision.Existing e, UploadStore.KeyUse key) {
        UploadStore.Match report = match(found, e.report());
        if (key != null && found.keyReport() == null && !store.recordKey(key, report.reportId(), report.revision())) {
            throw new StorageException(
                    "recording an Idempotency-Key",
                    new java.sql.SQLException("taken by a concurrent request", "23505"));
        }
        StoredRevision current = caller.maySee(report.owner())
                ? reports.current(report.reportId()).orElse(null)
                : null;
        return new Accepted(current, report.reportId(), Outcome.DUPLICATE, e.duplicate() ? report.reportId() : null);
    }

    private Accepted revision(
            ReportUpload upload, Reading reading, Identity identity, UploadStore.Match report, UploadStore.KeyUse key) {
        Caller caller = upload.caller();
        if (!report.owner().isEmpty() && !caller.maySee(report.owner())) {
            throw new DomainException.NotPermitted("this report belongs to another agency");
        }
        // a revision keeps the report's agency, so that its rollups stay under one name
        Identity merged = new Identity(
                identity.agencyKey(),
                first(report.agency(), identity.agency()),
                first(identity.city(), report.city()),
                first(identity.district(), report.district()),
                first(identity.year(), report.year()));
        UploadStore.NewRevision v = newRevision(upload, reading, merged, owner(caller, identity), key);
        int revision = store.insertRevision(report.reportId(), v);
        return committed(v, report.reportId(), revision, Outcome.REVISION);
    }

    private Accepted newReport(ReportUpload upload, Reading reading, Identity identity, UploadStore.KeyUse key) {
        String id = UUID.randomUUID().toString();
        UploadStore.NewRevision v = newRevision(upload, reading, identity, owner(upload.caller(), identity), key);
        store.insertReport(id, identity.agencyKey(), identity.year(), v);
        return committed(v, id, 1, Outcome.ACCEPTED);
    }

    /** Who may see the report: its agency (the registry's or the uploader's name), else nobody but operators. */
    private static String owner(Caller caller, Identity identity) {
        if (!caller.operator()) {
            return caller.agency();
        }
        return identity.agency() == null || identity.agencyKey() == null ? "" : identity.agency();
    }

    private static UploadStore.NewRevision newRevision(
            ReportUpload upload, Reading reading, Identity identity, String owner, UploadStore.KeyUse key) {
        UploadMetadata md = upload.metadata();
        SimilaritySketch sketch = reading.content().sketch();
        return new UploadStore.NewRevision(
                owner,
                upload.caller().subject(),
                upload.text(),
                reading.content().sha256(),
                sketch == null ? null : sketch.toBytes(),
                sketch == null ? null : sketch.bandKeys(),
                identity.agency(),
                identity.city(),
                identity.district(),
                identity.year(),
                md.title(),
                md.published(),
                md.sourceUrl(),
                blob(upload, reading.originalSha256()),
                key,
                Instant.now());
    }

    /** The original upload, unless it is the text itself (a JSON or plain UTF-8 upload): then the text is kept only. */
    private static UploadStore.Blob blob(ReportUpload upload, String sha256) {
        byte[] original = upload.original();
        if (original.length == 0 || Arrays.equals(original, upload.text().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return new UploadStore.Blob(sha256, upload.originalType(), original);
    }

    /** After the commit: wake the relay, answer with the revision as stored (no second read). */
    private Accepted committed(UploadStore.NewRevision v, String reportId, int revision, Outcome outcome) {
        relay.wake();
        MDC.put("reportId", reportId);
        try {
            LOG.infof(
                    "report %s revision %d %s (%d characters)",
                    reportId,
                    revision,
                    outcome == Outcome.ACCEPTED ? "accepted" : "added",
                    v.text().length());
        } finally {
            MDC.remove("reportId");
        }
        StoredRevision stored = new StoredRevision(
                reportId,
                revision,
                v.owner(),
                v.uploadedBy(),
                v.sha256(),
                v.blob() == null ? null : v.blob().sha256(),
                v.text().length(),
                v.agency(),
                v.city(),
                v.district(),
                v.year(),
                v.title(),
                v.published(),
                v.sourceUrl(),
                Status.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                "upload",
                null,
                null,
                null,
                v.at(),
                v.at(),
                null);
        return new Accepted(stored, reportId, outcome, null);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
