package io.fazhi.ingest.domain;

import io.fazhi.ingest.domain.identity.AgencyNames;
import io.fazhi.ingest.persistence.AgencyStore;
import io.fazhi.ingest.persistence.AgencyStore.StoredAgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The registry of agencies: who may upload with their own token, where each agency is, and the other names it goes
 * by (aliases), so that every form of its name is one agency.
 */
@ApplicationScoped
public class AgencyRegistry {
    public static final Set<String> LEVELS = Set.of("bureau", "district", "zone", "city", "town");

    private final AgencyStore store;

    public AgencyRegistry(AgencyStore store) {
        this.store = store;
    }

    public record Registration(StoredAgency agency, boolean created) {}

    /**
     * Registers an agency; the same registration again is a no-op (new aliases are added), a different one for the
     * same name is a conflict, as is an alias that names another agency.
     */
    public Registration register(
            Caller caller, String name, String city, String district, String level, List<String> aliases) {
        caller.requireOperator("register agencies");
        UploadMetadata md = new UploadMetadata(name, city, district, null, null, null, null).validated();
        if (md.agency() == null || md.city() == null) {
            throw new DomainException.InvalidFields(md.agency() == null ? "name" : "city", "is required");
        }
        if (level == null || !LEVELS.contains(level)) {
            throw new DomainException.InvalidFields(
                    "level",
                    "must be one of "
                            + String.join(", ", LEVELS.stream().sorted().toList()));
        }
        List<String> cleanAliases = aliases(aliases == null ? List.of() : aliases);
        try {
            StoredAgency wanted = new StoredAgency(
                    md.agency(),
                    md.city(),
                    md.district(),
                    level,
                    AgencyNames.key(md.agency(), md.city()),
                    cleanAliases,
                    Instant.now());
            boolean created = store.insert(wanted);
            StoredAgency stored = store.find(md.agency()).orElseThrow();
            if (!created
                    && !(stored.city().equals(md.city())
                            && Objects.equals(stored.district(), md.district())
                            && stored.level().equals(level))) {
                throw new DomainException.Conflict("agency " + md.agency() + " is registered with other details");
            }
            List<String> taken = store.addAliases(md.agency(), cleanAliases);
            if (!taken.isEmpty()) {
                throw new DomainException.Conflict("aliases " + taken + " name another agency already");
            }
            return new Registration(store.find(md.agency()).orElseThrow(), created);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    public List<StoredAgency> list(Caller caller, String city) {
        caller.requireOperator("read the registry");
        try {
            return store.list(city);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    public StoredAgency get(Caller caller, String name) {
        caller.requireOperator("read the registry");
        try {
            return store.find(name)
                    .orElseThrow(() -> new DomainException.NotFound("no agency named " + Shorten.to(name, 100)));
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** Aliases validated as names and cleaned like every agency name. */
    private static List<String> aliases(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        List<DomainException.InvalidFields.Field> errors = new ArrayList<>();
        for (String a : given) {
            try {
                String v = new UploadMetadata(a, null, null, null, null, null, null)
                        .validated()
                        .agency();
                if (v != null) {
                    out.add(AgencyNames.clean(v));
                }
            } catch (DomainException.InvalidFields e) {
                errors.add(new DomainException.InvalidFields.Field(
                        "aliases",
                        "'" + Shorten.to(a, 50) + "': " + e.fields().get(0).message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidFields(errors);
        }
        return List.copyOf(out);
    }
}
