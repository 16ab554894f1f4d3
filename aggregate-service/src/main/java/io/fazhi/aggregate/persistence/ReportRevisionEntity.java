package io.fazhi.aggregate.persistence;

import io.fazhi.contracts.ReportInfo;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One extraction of one report revision, with the report's metadata as extracted. */
@Entity
@Table(name = "report_revision")
public class ReportRevisionEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "section_count")
    public int sectionCount;

    @Column(name = "sections_received")
    public int sectionsReceived;

    public boolean complete;
    public String agency;
    public String city;
    public String district;
    public String level;
    public Integer year;
    public String published;
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public ReportInfo.Compliance compliance;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> warnings;

    @Column(name = "rollup_city")
    public String rollupCity;

    @Column(name = "rollup_year")
    public int rollupYear;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "compliance_complete")
    public boolean complianceComplete;

    @Column(name = "published_on_time")
    public Boolean publishedOnTime;

    @Column(name = "arrival", insertable = false, updatable = false)
    public long arrival;

    @Embeddable
    public record Key(
            @Column(name = "report_id") String reportId,
            int revision,
            @Column(name = "extractor_version") String extractorVersion)
            implements Serializable {}
}
