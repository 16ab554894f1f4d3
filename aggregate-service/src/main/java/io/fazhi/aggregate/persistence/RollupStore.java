package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.ints;
import static io.fazhi.aggregate.persistence.SqlRunner.numerics;
import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.aggregate.model.AgencyCellKey;
import io.fazhi.aggregate.model.AgencyChange;
import io.fazhi.aggregate.model.CellAfter;
import io.fazhi.aggregate.model.CellChange;
import io.fazhi.aggregate.model.CellKey;
import io.fazhi.aggregate.model.CountAfter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * The rollup cells and the agency cells, changed by adding what changed (one statement per table for a whole
 * batch, rows in key order), extremes recomputed only where one was taken away, and cells without reports removed.
 */
@ApplicationScoped
public class RollupStore {
    private final SqlRunner sql;

    public RollupStore(SqlRunner sql) {
        this.sql = sql;
    }

    /** Adds the changes to the agency cells; returns each one's reference count after. */
    public List<CountAfter<AgencyCellKey>> addToAgencies(List<AgencyChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<AgencyChange> sorted =
                changes.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        List<CellKey> cells = sorted.stream().map(c -> c.key().cell()).toList();
        return sql.query(
                "changing agency cells",
                """
                INSERT INTO rollup_agency AS a (city, year, indicator, unit, district, agency, reports, observations,
                                                total, non_additive, lower_bounds)
                SELECT * FROM unnest(%s, ?::text[], ?::int[], ?::int[], ?::numeric[], ?::int[], ?::int[])
                ORDER BY 1, 2, 3, 4, 5, 6
                ON CONFLICT (city, year, indicator, unit, district, agency) DO UPDATE SET
                    reports = a.reports + EXCLUDED.reports,
                    observations = a.observations + EXCLUDED.observations,
                    total = a.total + EXCLUDED.total,
                    non_additive = a.non_additive + EXCLUDED.non_additive,
                    lower_bounds = a.lower_bounds + EXCLUDED.lower_bounds
                RETURNING city, year, indicator, unit, district, agency, reports, xmax = 0 AS created
                """.formatted(CellKeyColumns.UNNEST),
                rs -> new CountAfter<>(
                        new AgencyCellKey(CellKeyColumns.read(rs), rs.getString("agency")),
                        rs.getInt("reports"),
                        rs.getBoolean("created")),
                CellKeyColumns.with(
                        CellKeyColumns.arrays(cells),
                        texts(sorted.stream().map(c -> c.key().agency()).toList()),
                        ints(sorted.stream().map(AgencyChange::reports).toList()),
                        ints(sorted.stream().map(AgencyChange::observations).toList()),
                        numerics(sorted.stream().map(AgencyChange::total).toList()),
                        ints(sorted.stream().map(AgencyChange::nonAdditive).toList()),
                        ints(sorted.stream().map(AgencyChange::lowerBounds).toList())));
    }

    /** Removes agency cells whose reference count reached zero. */
    public void removeEmptyAgencies(Collection<AgencyCellKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<AgencyCellKey> list = keys.stream().sorted().toList();
        sql.update(
                "removing agency cells",
                """
                DELETE FROM rollup_agency a
                USING unnest(%s, ?::text[]) AS k (city, year, indicator, unit, district, agency)
                WHERE a.city = k.city AND a.year = k.year AND a.indicator = k.indicator AND a.unit = k.unit
                  AND a.district = k.district AND a.agency = k.agency AND a.reports <= 0
                """.formatted(CellKeyColumns.UNNEST),
                CellKeyColumns.with(
                        CellKeyColumns.arrays(
                                list.stream().map(AgencyCellKey::cell).toList()),
                        texts(list.stream().map(AgencyCellKey::agency).toList())));
    }

    /** Adds the changes to the rollup cells; returns each one's reports and extremes after. */
    public List<CellAfter> addToCells(List<CellChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<CellChange> sorted =
                changes.stream().sorted((a, b) -> a.cell().compareTo(b.cell())).toList();
        return sql.query(
                "changing rollup cells",
                """
                INSERT INTO rollup AS r (city, year, indicator, unit, district, observations, reports, agencies, total,
                                         non_additive, lower_bounds, min, max)
                SELECT * FROM unnest(%s, ?::int[], ?::int[], ?::int[], ?::numeric[], ?::int[], ?::int[],
                                     ?::numeric[], ?::numeric[])
                ORDER BY 1, 2, 3, 4, 5
                ON CONFLICT (city, year, district, indicator, unit) DO UPDATE SET
                    observations = r.observations + EXCLUDED.observations,
                    reports = r.reports + EXCLUDED.reports,
                    agencies = r.agencies + EXCLUDED.agencies,
                    total = r.total + EXCLUDED.total,
                    non_additive = r.non_additive + EXCLUDED.non_additive,
                    lower_bounds = r.lower_bounds + EXCLUDED.lower_bounds,
                    min = least(r.min, EXCLUDED.min),
                    max = greatest(r.max, EXCLUDED.max)
                RETURNING city, year, indicator, unit, district, reports, min, max
                """.formatted(CellKeyColumns.UNNEST),
                rs -> new CellAfter(
                        CellKeyColumns.read(rs),
                        rs.getInt("reports"),
                        rs.getBigDecimal("min"),
                        rs.getBigDecimal("max")),
                CellKeyColumns.with(
                        CellKeyColumns.arrays(
                                sorted.stream().map(CellChange::cell).toList()),
                        ints(sorted.stream().map(CellChange::observations).toList()),
                        ints(sorted.stream().map(CellChange::reports).toList()),
                        ints(sorted.stream().map(CellChange::agencies).toList()),
                        numerics(sorted.stream().map(CellChange::total).toList()),
                        ints(sorted.stream().map(CellChange::nonAdditive).toList()),
                        ints(sorted.stream().map(CellChange::lowerBounds).toList()),
                        numerics(sorted.stream().map(CellChange::min).toList()),
                        numerics(sorted.stream().map(CellChange::max).toList())));
    }

    /**
     * Recomputes min and max of these cells from their contributions: only for cells whose extreme was taken away,
     * so the cost is the cell's, never the slice's.
     */
    public void recomputeExtremes(Collection<CellKey> cells) {
        if (cells.isEmpty()) {
            return;
        }
        List<CellKey> list = cells.stream().sorted().toList();
        sql.update("recomputing extremes", """
                UPDATE rollup r SET min = x.min, max = x.max
                FROM (SELECT c.city, c.year, c.indicator, c.unit, c.district, min(c.min) AS min, max(c.max) AS max
                      FROM unnest(%s) AS k (city, year, indicator, unit, district)
                      JOIN rollup_contribution c ON c.city = k.city AND c.year = k.year AND c.indicator = k.indicator
                                                AND c.unit = k.unit AND c.district = k.district
                      GROUP BY 1, 2, 3, 4, 5) x
                WHERE r.city = x.city AND r.year = x.year AND r.indicator = x.indicator AND r.unit = x.unit
                  AND r.district = x.district
                """.formatted(CellKeyColumns.UNNEST), CellKeyColumns.arrays(list));
    }

    /** Removes cells that no report counts in any more. */
    public void removeEmptyCells(Collection<CellKey> cells) {
        if (cells.isEmpty()) {
            return;
        }
        List<CellKey> list = cells.stream().sorted().toList();
        sql.update("removing rollup cells", """
                DELETE FROM rollup r
                USING unnest(%s) AS k (city, year, indicator, unit, district)
                WHERE r.city = k.city AND r.year = k.year AND r.indicator = k.indicator AND r.unit = k.unit
                  AND r.district = k.district AND r.reports <= 0
                """.formatted(CellKeyColumns.UNNEST), CellKeyColumns.arrays(list));
    }
}
