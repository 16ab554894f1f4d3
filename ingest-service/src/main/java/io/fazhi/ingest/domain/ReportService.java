package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.ingest.messaging.ReportPublisher;
import io.fazhi.ingest.persistence.ReportEntity;
import io.fazhi.problems.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepting a report: record it, publish it, and only then answer. A report whose publication failed is removed
 * again, so nothing half-accepted remains.
 */
@ApplicationScoped
public class ReportService {
    private static final Logger LOG = Logger.getLogger(ReportService.class);

    private final ReportPublisher publisher;

    public ReportService(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    public Accepted accept(ReportUpload upload) {
        String text = upload.text() == null ? "" : upload.text().strip();
        if (text.isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the report has no text");
        }
        String sha = sha256(text);
        ReportEntity existing = QuarkusTransaction.requiringNew()
                .call(() -> ReportEntity.findByContent(upload.uploader(), sha));
        if (existing != null) {
            return new Accepted(existing, false);
        }
        ReportEntity report = QuarkusTransaction.requiringNew().call(() -> insert(upload, text, sha));
        ReportSubmitted event = new ReportSubmitted(ReportSubmitted.SCHEMA_VERSION, report.id, report.revision,
                report.agency, report.city, report.district, report.year, report.title, report.published,
                report.sourceUrl, text, report.receivedAt);
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            LOG.warnf("publishing report %s failed, removing it: %s", report.id, e.toString());
            QuarkusTransaction.requiringNew().run(() -> ReportEntity.deleteById(report.id));
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "the message broker did not acknowledge the report; nothing was stored, try again later",
                    Map.of("Retry-After", "10"));
        }
        return new Accepted(report, true);
    }

    private static ReportEntity insert(ReportUpload upload, String text, String sha) {
        ReportEntity r = new ReportEntity();
        r.id = UUID.randomUUID().toString();
        r.revision = 1;
        r.uploader = upload.uploader();
        r.agency = upload.agency();
        r.city = upload.city();
        r.district = upload.district();
        r.year = upload.year();
        r.title = upload.title();
        r.published = upload.published();
        r.sourceUrl = upload.sourceUrl();
        r.contentSha256 = sha;
        r.textChars = text.length();
        r.status = Status.RECEIVED;
        r.receivedAt = Instant.now();
        r.updatedAt = r.receivedAt;
        r.persist();
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportEntity> find(String id) {
        return ReportEntity.findByIdOptional(id);
    }

    /** Applies a status event; status only moves forward within a revision, FAILED always applies. */
    @Transactional
    public void onStatus(ReportStatusChanged event) {
        ReportEntity r = ReportEntity.findById(event.reportId());
        if (r == null) {
            LOG.warnf("status %s for unknown report %s ignored", event.status(), event.reportId());
            return;
        }
        if (event.revision() != r.revision || !event.status().isAfter(r.status)) {
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
    }

    /** A message about this report could not be processed: it is FAILED, with the reason. */
    @Transactional
    public void onDeadLetter(String reportId, String reason) {
        ReportEntity r = ReportEntity.findById(reportId);
        if (r == null) {
            LOG.warnf("dead letter for unknown report %s: %s", reportId, reason);
            return;
        }
        r.status = Status.FAILED;
        r.statusReason = reason;
        r.updatedAt = Instant.now();
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
