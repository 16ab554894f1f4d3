package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.ints;
import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.aggregate.model.CountAfter;
import io.fazhi.aggregate.model.SliceChange;
import io.fazhi.aggregate.model.SliceCountKey;
import io.fazhi.aggregate.model.SliceKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The (city, year) summaries (reports, agencies, districts, metrics, compliance) and the reference counts behind
 * their distinct counts, changed by adding what changed.
 */
@ApplicationScoped
public class SliceStore {
    /** A distinct count of a slice: the agencies, or the districts. */
    public enum Distinct {
        AGENCIES("slice_agency", "agency"),
        DISTRICTS("slice_district", "district");

        final String table;
        final String column;

        Distinct(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    private final SqlRunner sql;

    public SliceStore(SqlRunner sql) {
        this.sql = sql;
    }

    /** Adds to the reference counts; returns each one after. */
    public List<CountAfter<SliceCountKey>> addToCounts(Distinct what, Map<SliceCountKey, Integer> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<SliceCountKey> keys = changes.keySet().stream().sorted().toList();
        return sql.query(
                "changing " + what.table,
                """
                INSERT INTO %1$s AS s (city, year, %2$s, reports)
                SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::int[]) ORDER BY 1, 2, 3
                ON CONFLICT (city, year, %2$s) DO UPDATE SET reports = s.reports + EXCLUDED.reports
                RETURNING city, year, %2$s AS name, reports, xmax = 0 AS created
                """.formatted(what.table, what.column),
                rs -> new CountAfter<>(
                        new SliceCountKey(new SliceKey(rs.getString("city"), rs.getInt("year")), rs.getString("name")),
                        rs.getInt("reports"),
                        rs.getBoolean("created")),
                texts(keys.stream().map(k -> k.slice().city()).toList()),
                ints(keys.stream().map(k -> k.slice().year()).toList()),
                texts(keys.stream().map(SliceCountKey::name).toList()),
                ints(keys.stream().map(changes::get).toList()));
    }

    /** Removes reference counts that reached zero. */
    public void removeEmptyCounts(Distinct what, Collection<SliceCountKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<SliceCountKey> list = keys.stream().sorted().toList();
        sql.update(
                "removing " + what.table,
                """
                DELETE FROM %1$s s USING unnest(?::text[], ?::int[], ?::text[]) AS k (city, year, name)
                WHERE s.city = k.city AND s.year = k.year AND s.%2$s = k.name AND s.reports <= 0
                """.formatted(what.table, what.column),
                texts(list.stream().map(k -> k.slice().city()).toList()),
                ints(list.stream().map(k -> k.slice().year()).toList()),
                texts(list.stream().map(SliceCountKey::name).toList()));
    }

    /** Adds the changes to the slice summaries and removes those left without reports. */
    public void addToSummaries(List<SliceChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<SliceChange> sorted = changes.stream()
                .sorted((a, b) -> a.slice().compareTo(b.slice()))
                .toList();
        List<SliceKey> emptied = sql
                .query(
                        "changing slice summaries",
                        """
                        INSERT INTO slice_summary AS s (city, year, reports, agencies, districts, metrics, complete,
                            measures_and_results, shortcomings, leaders_duties, next_year_plans, other_matters,
                            published_known, published_on_time)
                        SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
                                             ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
                        ORDER BY 1, 2
                        ON CONFLICT (city, year) DO UPDATE SET
                            reports = s.reports + EXCLUDED.reports,
                            agencies = s.agencies + EXCLUDED.agencies,
                            districts = s.districts + EXCLUDED.districts,
                            metrics = s.metrics + EXCLUDED.metrics,
                            complete = s.complete + EXCLUDED.complete,
                            measures_and_results = s.measures_and_results + EXCLUDED.measures_and_results,
                            shortcomings = s.shortcomings + EXCLUDED.shortcomings,
                            leaders_duties = s.leaders_duties + EXCLUDED.leaders_duties,
                            next_year_plans = s.next_year_plans + EXCLUDED.next_year_plans,
                            other_matters = s.other_matters + EXCLUDED.other_matters,
                            published_known = s.published_known + EXCLUDED.published_known,
                            published_on_time = s.published_on_time + EXCLUDED.published_on_time
                        RETURNING city, year, reports
                        """,
                        rs -> rs.getInt("reports") > 0 ? null : new SliceKey(rs.getString("city"), rs.getInt("year")),
                        texts(sorted.stream().map(c -> c.slice().city()).toList()),
                        ints(sorted.stream().map(c -> c.slice().year()).toList()),
                        ints(sorted.stream().map(SliceChange::reports).toList()),
                        ints(sorted.stream().map(SliceChange::agencies).toList()),
                        ints(sorted.stream().map(SliceChange::districts).toList()),
                        ints(sorted.stream().map(SliceChange::metrics).toList()),
                        ints(sorted.stream().map(SliceChange::complete).toList()),
                        ints(sorted.stream()
                                .map(SliceChange::measuresAndResults)
                                .toList()),
                        ints(sorted.stream().map(SliceChange::shortcomings).toList()),
                        ints(sorted.stream().map(SliceChange::leadersDuties).toList()),
                        ints(sorted.stream().map(SliceChange::nextYearPlans).toList()),
                        ints(sorted.stream().map(SliceChange::otherMatters).toList()),
                        ints(sorted.stream().map(SliceChange::publishedKnown).toList()),
                        ints(sorted.stream().map(SliceChange::publishedOnTime).toList()))
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        if (!emptied.isEmpty()) {
            sql.update(
                    "removing slice summaries",
                    "DELETE FROM slice_summary s USING unnest(?::text[], ?::int[]) AS k (city, year)"
                            + " WHERE s.city = k.city AND s.year = k.year AND s.reports <= 0",
                    texts(emptied.stream().map(SliceKey::city).toList()),
                    ints(emptied.stream().map(SliceKey::year).toList()));
        }
    }
}
