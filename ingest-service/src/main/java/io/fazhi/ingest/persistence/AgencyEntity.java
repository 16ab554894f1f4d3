package io.fazhi.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered agency: an upload with its token is its report, in its city and district. */
@Entity
@Table(name = "agency")
public class AgencyEntity extends PanacheEntityBase {
    @Id
    public String name;

    public String city;
    public String district;
    public String level;

    @Column(name = "created_at")
    public Instant createdAt;
}
