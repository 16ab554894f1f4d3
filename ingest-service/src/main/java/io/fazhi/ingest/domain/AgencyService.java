package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.AgencyEntity;
import io.fazhi.problems.Problem;
import io.fazhi.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The registry of agencies that may upload with their own token. */
@ApplicationScoped
public class AgencyService {
    public static final Set<String> LEVELS = Set.of("bureau", "district", "zone", "city", "town");

    public record Registration(AgencyEntity agency, boolean created) {}

    /** Registers an agency; the same registration again is a no-op, a different one for the same name 409. */
    @Transactional
    public Registration register(String name, String city, String district, String level) {
        Metadata md = new Metadata(name, city, district, null, null, null, null).validated();
        if (md.agency() == null || md.city() == null) {
            throw new ProblemException(
                    400,
                    "the request has invalid fields",
                    List.of(new Problem.FieldError(md.agency() == null ? "name" : "city", "is required")));
        }
        if (level == null || !LEVELS.contains(level)) {
            throw new ProblemException(
                    400,
                    "the request has invalid fields",
                    List.of(new Problem.FieldError(
                            "level",
                            "must be one of "
                                    + String.join(", ", LEVELS.stream().sorted().toList()))));
        }
        AgencyEntity existing = AgencyEntity.findById(md.agency());
        if (existing != null) {
            if (existing.city.equals(md.city())
                    && Objects.equals(existing.district, md.district())
                    && existing.level.equals(level)) {
                return new Registration(existing, false);
            }
            throw new ProblemException(409, "agency " + md.agency() + " is registered with other details");
        }
        AgencyEntity a = new AgencyEntity();
        a.name = md.agency();
        a.city = md.city();
        a.district = md.district();
        a.level = level;
        a.createdAt = Instant.now();
        a.persist();
        return new Registration(a, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyEntity> list(String city) {
        return city == null
                ? AgencyEntity.list("order by city, name")
                : AgencyEntity.list("city = ?1 order by name", city);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgencyEntity get(String name) {
        AgencyEntity a = AgencyEntity.findById(name);
        if (a == null) {
            throw new ProblemException(404, "no agency named " + Texts.shorten(name, 100));
        }
        return a;
    }
}
