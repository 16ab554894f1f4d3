package io.fazhi.aggregate.persistence;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The full recompute, for repairs: every contribution, rollup cell, agency cell and slice summary rebuilt from the
 * facts of the counted revisions, set-based, in the caller's transaction. It takes the derived tables' locks first,
 * in the order the incremental path takes them, so consumers wait for it (and it for them) without a cycle; the
 * incremental changes that follow apply to the rebuilt tables.
 */
@ApplicationScoped
public class RecomputeStore {
    private final SqlRunner sql;
    private final ContributionStore contributions;

    public RecomputeStore(SqlRunner sql, ContributionStore contributions) {
        this.sql = sql;
        this.contributions = contributions;
    }

    /** Rebuilds everything; the counts of what it rebuilt. */
    public Rebuilt rebuildAll() {
        sql.update(
                "locking the rollups",
                "LOCK TABLE rollup_contribution, rollup_agency, rollup, slice_agency, slice_district, slice_summary"
                        + " IN SHARE ROW EXCLUSIVE MODE");
        contributions.rebuildAll();
        sql.update("clearing agency cells", "DELETE FROM rollup_agency");
        sql.update("rebuilding agency cells", """
                INSERT INTO rollup_agency (city, year, indicator, unit, district, agency, reports, observations, total,
                                           non_additive, lower_bounds)
                SELECT city, year, indicator, unit, district, agency, count(*), sum(observations), sum(total),
                       sum(non_additive), sum(lower_bounds)
                FROM rollup_contribution
                GROUP BY 1, 2, 3, 4, 5, 6
                """);
        sql.update("clearing rollup cells", "DELETE FROM rollup");
        int cells = sql.update("rebuilding rollup cells", """
                INSERT INTO rollup (city, year, indicator, unit, district, observations, reports, agencies, total,
                                    non_additive, lower_bounds, min, max)
                SELECT city, year, indicator, unit, district, sum(observations), count(*), count(DISTINCT agency),
                       sum(total), sum(non_additive), sum(lower_bounds), min(min), max(max)
                FROM rollup_contribution
                GROUP BY 1, 2, 3, 4, 5
                """);
        sql.update("clearing slice agencies", "DELETE FROM slice_agency");
        sql.update(
                "rebuilding slice agencies",
                "INSERT INTO slice_agency (city, year, agency, reports)"
                        + " SELECT rollup_city, rollup_year, agency_key, count(*) FROM counted_revision GROUP BY 1, 2, 3");
        sql.update("clearing slice districts", "DELETE FROM slice_district");
        sql.update(
                "rebuilding slice districts",
                "INSERT INTO slice_district (city, year, district, reports)"
                        + " SELECT rollup_city, rollup_year, district, count(*) FROM counted_revision"
                        + " WHERE district IS NOT NULL GROUP BY 1, 2, 3");
        sql.update("clearing slice summaries", "DELETE FROM slice_summary");
        int slices = sql.update("rebuilding slice summaries", """
                INSERT INTO slice_summary (city, year, reports, agencies, districts, metrics, complete,
                                           measures_and_results, shortcomings, leaders_duties, next_year_plans,
                                           other_matters, published_known, published_on_time)
                SELECT rollup_city, rollup_year, count(*), count(DISTINCT agency_key), count(DISTINCT district),
                       sum(metric_count), count(*) FILTER (WHERE compliance_complete),
                       count(*) FILTER (WHERE measures_and_results), count(*) FILTER (WHERE shortcomings),
                       count(*) FILTER (WHERE leaders_duties), count(*) FILTER (WHERE next_year_plans),
                       count(*) FILTER (WHERE other_matters), count(published_on),
                       count(*) FILTER (WHERE published_on_time)
                FROM counted_revision
                GROUP BY 1, 2
                """);
        return new Rebuilt(cells, slices);
    }

    /** How many rollup cells and slice summaries the recompute wrote. */
    public record Rebuilt(int cells, int slices) {}

    /** Takes a task the migrations or an operator asked for; true for the one transaction that gets it. */
    public boolean claimTask(String name) {
        return sql.update("claiming a maintenance task", "DELETE FROM maintenance_task WHERE name = ?", name) == 1;
    }
}
