package io.fazhi.aggregate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/** One metric found in a section, with its provenance. */
@Entity
@Table(name = "metric_fact")
public class MetricFactEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "metric_fact_seq")
    @SequenceGenerator(name = "metric_fact_seq", sequenceName = "metric_fact_seq", allocationSize = 50)
    public Long id;

    @Column(name = "section_id")
    public long sectionId;

    @Column(name = "report_id")
    public String reportId;

    public int revision;

    @Column(name = "extractor_version")
    public String extractorVersion;

    public int position;
    public String category;
    public BigDecimal value;
    public String unit;
    public String approx;
    public String label;

    @Column(name = "metric_key")
    public String metricKey;

    public String surface;
    public String sentence;

    @Column(name = "text_offset")
    public int textOffset;

    public static List<MetricFactEntity> of(String reportId, int revision, String extractorVersion) {
        return list(
                "reportId = ?1 and revision = ?2 and extractorVersion = ?3 order by sectionId, position",
                reportId,
                revision,
                extractorVersion);
    }
}
