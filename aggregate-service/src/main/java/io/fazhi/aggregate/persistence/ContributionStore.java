package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.aggregate.model.Contribution;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.UnitKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What each counted report contributes to each rollup cell, derived from its current revision's facts: one row per
 * (cell, report), for the whole city and for the report's district. Metrics without an indicator are facts, not
 * cells, and contribute nothing.
 */
@ApplicationScoped
public class ContributionStore {
    /** The contributions of counted reports; %s adds a condition on {@code rr}. */
    private static final String CONTRIBUTIONS = """
            INSERT INTO rollup_contribution (city, year, indicator, unit, district, report_id, agency, observations,
                                             total, non_additive, lower_bounds, min, max)
            SELECT rr.rollup_city, rr.rollup_year, m.indicator, m.rollup_unit, d.district, rr.report_id, rr.agency_key,
                   count(*), sum(m.value),
                   count(*) FILTER (WHERE m.unit_kind IS NULL OR NOT (m.unit_kind = ANY (?::text[]))),
                   count(*) FILTER (WHERE m.approx = ?), min(m.value), max(m.value)
            FROM counted_revision rr
            JOIN metric_fact m ON m.report_id = rr.report_id AND m.revision = rr.revision
                              AND m.extractor_version = rr.extractor_version
            CROSS JOIN LATERAL (VALUES (''), (rr.district)) AS d (district)
            WHERE m.indicator IS NOT NULL AND d.district IS NOT NULL %s
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """;

    private static final String RETURNING =
            " RETURNING city, year, indicator, unit, district, report_id, agency, observations, total, non_additive,"
                    + " lower_bounds, min, max";

    private final SqlRunner sql;

    public ContributionStore(SqlRunner sql) {
        this.sql = sql;
    }

    /** The contributions a change of current revisions took away and added. */
    public record Replaced(List<Contribution> removed, List<Contribution> added) {}

    /**
     * Replaces the contributions of these reports by those of their current revisions (none for a withdrawn one).
     * The caller holds the reports' locks.
     */
    public Replaced replace(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return new Replaced(List.of(), List.of());
        }
        List<String> ids = reportIds.stream().sorted().toList();
        List<Contribution> removed = sql.query(
                "removing contributions",
                "DELETE FROM rollup_contribution WHERE report_id = ANY (?::text[])" + RETURNING,
                ContributionStore::contribution,
                texts(ids));
        List<Contribution> added = sql.query(
                "adding contributions",
                CONTRIBUTIONS.formatted("AND rr.report_id = ANY (?::text[])") + RETURNING,
                ContributionStore::contribution,
                additiveKinds(),
                MetricFact.MORE_THAN,
                texts(ids));
        return new Replaced(removed, added);
    }

    /** Rebuilds every contribution from the facts (the full recompute; the caller holds the table locks). */
    public void rebuildAll() {
        sql.update("clearing contributions", "DELETE FROM rollup_contribution");
        sql.update("rebuilding contributions", CONTRIBUTIONS.formatted(""), additiveKinds(), MetricFact.MORE_THAN);
    }

    /** The unit kinds whose values add up, as {@link UnitKind} says: the one owner of that rule. */
    private static SqlRunner.ArrayParameter additiveKinds() {
        return texts(Arrays.stream(UnitKind.values())
                .filter(UnitKind::additive)
                .map(UnitKind::id)
                .toList());
    }

    private static Contribution contribution(ResultSet rs) throws SQLException {
        return new Contribution(
                CellKeyColumns.read(rs),
                rs.getString("report_id"),
                rs.getString("agency"),
                rs.getInt("observations"),
                rs.getBigDecimal("total"),
                rs.getInt("non_additive"),
                rs.getInt("lower_bounds"),
                rs.getBigDecimal("min"),
                rs.getBigDecimal("max"));
    }
}
