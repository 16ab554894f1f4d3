package io.fazhi.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A report: whose it is, the series its revisions belong to, and which revision is current. */
@Entity
@Table(name = "report")
public class ReportEntity extends PanacheEntityBase {
    @Id
    public String id;
    /** the current revision */
    public int revision;
    /** the agency's name, or '' for an operator's backfill without agency */
    public String uploader;
    /** "agency|year" when both were known at upload: a different text for them is a new revision */
    @Column(name = "series_key")
    public String seriesKey;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static ReportEntity findBySeries(String seriesKey) {
        return find("seriesKey", seriesKey).firstResult();
    }
}
