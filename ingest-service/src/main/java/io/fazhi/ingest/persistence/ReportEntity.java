package io.fazhi.ingest.persistence;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A report as uploaded, with the status the pipeline reported for it. */
@Entity
@Table(name = "report")
public class ReportEntity extends PanacheEntityBase {
    @Id
    public String id;
    public int revision;
    public String uploader;
    public String agency;
    public String city;
    public String district;
    public Integer year;
    public String title;
    public String published;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "content_sha256", columnDefinition = "bpchar")
    public String contentSha256;
    @Column(name = "text_chars")
    public int textChars;
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

    public static ReportEntity findByContent(String uploader, String sha256) {
        return find("uploader = ?1 and contentSha256 = ?2", uploader, sha256).firstResult();
    }
}
