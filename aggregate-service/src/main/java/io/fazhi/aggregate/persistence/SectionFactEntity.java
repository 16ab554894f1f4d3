package io.fazhi.aggregate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/** One section of one extraction of a report revision. */
@Entity
@Table(name = "section_fact")
public class SectionFactEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "section_fact_seq")
    @SequenceGenerator(name = "section_fact_seq", sequenceName = "section_fact_seq", allocationSize = 50)
    public Long id;

    @Column(name = "report_id")
    public String reportId;

    public int revision;

    @Column(name = "extractor_version")
    public String extractorVersion;

    @Column(name = "section_index")
    public int sectionIndex;

    public String heading;
    public int level;
    public String path;
    public String category;

    @Column(name = "text_offset")
    public int textOffset;

    public static List<SectionFactEntity> of(String reportId, int revision, String extractorVersion) {
        return list(
                "reportId = ?1 and revision = ?2 and extractorVersion = ?3 order by sectionIndex",
                reportId,
                revision,
                extractorVersion);
    }
}
