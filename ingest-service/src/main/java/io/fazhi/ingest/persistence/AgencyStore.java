package io.fazhi.ingest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The registry of agencies: name, city, district, level, identity key and aliases. */
@ApplicationScoped
public class AgencyStore {
    /** A registered agency with its aliases. */
    public record StoredAgency(
            String name,
            String city,
            String district,
            String level,
            String agencyKey,
            List<String> aliases,
            Instant createdAt) {}

    private static final String COLUMNS = "a.name, a.city, a.district, a.level, a.agency_key, a.created_at,"
            + " coalesce((SELECT array_agg(l.alias ORDER BY l.alias) FROM agency_alias l WHERE l.agency = a.name),"
            + " '{}') AS aliases";

    private final Jdbc jdbc;

    public AgencyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the agency unless one of that name exists, and adds its aliases, in one transaction.
     *
     * @return whether it was inserted (false: the name was taken; compare with {@link #find})
     */
    public boolean insert(StoredAgency a) {
        return jdbc.transaction("registering an agency", c -> {
            boolean inserted;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO agency (name, city, district, level,"
                    + " agency_key, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, a.name());
                s.setString(2, a.city());
                s.setString(3, a.district());
                s.setString(4, a.level());
                s.setString(5, a.agencyKey());
                Jdbc.setInstant(s, 6, a.createdAt());
                inserted = s.executeUpdate() == 1;
            }
            if (inserted) {
                addAliases(c, a.name(), a.aliases());
            }
            return inserted;
        });
    }

    /**
     * Adds aliases to an agency.
     *
     * @return the aliases that name another agency already (not added)
     */
    public List<String> addAliases(String agency, List<String> aliases) {
        return jdbc.transaction("adding aliases", c -> addAliases(c, agency, aliases));
    }

    private static List<String> addAliases(Connection c, String agency, List<String> aliases) throws SQLException {
        if (aliases.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agency_alias (alias, agency, created_at)"
                + " SELECT x, ?, now() FROM unnest(?::text[]) x WHERE x <> ? ON CONFLICT (alias) DO NOTHING")) {
            s.setString(1, agency);
            s.setArray(2, Jdbc.textArray(c, aliases));
            s.setString(3, agency);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT alias FROM agency_alias WHERE alias = ANY(?::text[]) AND agency <> ? ORDER BY alias")) {
            s.setArray(1, Jdbc.textArray(c, aliases));
            s.setString(2, agency);
            List<String> taken = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
            return taken;
        }
    }

    public Optional<StoredAgency> find(String name) {
        return jdbc.autocommit("reading an agency", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM agency a WHERE a.name = ?")) {
                s.setString(1, name);
                return all(s).stream().findFirst();
            }
        });
    }

    /** The agencies of a city (all when null), by city and name. */
    public List<StoredAgency> list(String city) {
        return jdbc.autocommit("listing agencies", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM agency a"
                    + (city == null ? "" : " WHERE a.city = ?") + " ORDER BY a.city, a.name")) {
                if (city != null) {
                    s.setString(1, city);
                }
                return all(s);
            }
        });
    }

    private static List<StoredAgency> all(PreparedStatement s) throws SQLException {
        List<StoredAgency> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array aliases = rs.getArray("aliases");
                out.add(new StoredAgency(
                        rs.getString("name"),
                        rs.getString("city"),
                        rs.getString("district"),
                        rs.getString("level"),
                        rs.getString("agency_key"),
                        aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
                        Jdbc.instant(rs, "created_at")));
            }
        }
        return out;
    }
}
