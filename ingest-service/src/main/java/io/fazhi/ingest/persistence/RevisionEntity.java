package io.fazhi.ingest.persistence;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One revision of a report: what was uploaded, its text, and what the pipeline reported for it. */
@Entity
@Table(name = "report_revision")
@IdClass(RevisionEntity.Key.class)
public class RevisionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "report_id")
    public String reportId;

    @Id
    public int revision;

    public String uploader;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "content_sha256", columnDefinition = "bpchar")
    public String contentSha256;

    @Column(name = "blob_sha256", columnDefinition = "bpchar")
    public String blobSha256;
    /** the normalised text; loaded only when asked for */
    @Basic(fetch = FetchType.LAZY)
    public String text;

    @Column(name = "text_chars")
    public int textChars;

    public String agency;
    public String city;
    public String district;
    public Integer year;
    public String title;
    public String published;

    @Column(name = "source_url")
    public String sourceUrl;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "extractor_version")
    public String extractorVersion;

    public Integer sections;
    public Integer metrics;

    @JdbcTypeCode(SqlTypes.JSON)
    public ReportInfo.Compliance compliance;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> warnings;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static RevisionEntity find(String reportId, int revision) {
        return findById(new Key(reportId, revision));
    }

    public static RevisionEntity findByContent(String uploader, String sha256) {
        return find("uploader = ?1 and contentSha256 = ?2", uploader, sha256).firstResult();
    }

    public static List<RevisionEntity> history(String reportId) {
        return list("reportId = ?1 order by revision", reportId);
    }

    public static class Key implements Serializable {
        public String reportId;
        public int revision;

        public Key() {}

        public Key(String reportId, int revision) {
            this.reportId = reportId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && Objects.equals(k.reportId, reportId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, revision);
        }
    }
}
