package io.fazhi.aggregate.persistence;

import io.fazhi.aggregate.model.CellKey;
import io.fazhi.aggregate.model.CellValues;
import io.fazhi.aggregate.model.CitySummary;
import io.fazhi.aggregate.model.Figure;
import io.fazhi.aggregate.model.Page;
import io.fazhi.aggregate.model.RollupCell;
import io.fazhi.aggregate.model.RollupFilter;
import io.fazhi.aggregate.model.RollupSort;
import io.fazhi.contracts.Indicators;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rollup cells, agency and district figures, and the city summaries. Each query is an index range scan of one
 * slice (or of one indicator across slices), never a scan of the facts.
 */
@ApplicationScoped
public class RollupQueries {
    private static final String CELL_COLUMNS = "r.city, r.year, r.district, r.indicator, r.unit, r.observations,"
            + " r.reports, r.agencies, r.total, r.non_additive, r.lower_bounds, r.min, r.max";
    /** Tie-break: the city's own order of indicators (indicators.tsv). */
    private static final String CELL_ORDER = "r.city, r.year, r.district, i.position NULLS LAST, r.indicator, r.unit";

    private final SqlRunner sql;

    public RollupQueries(SqlRunner sql) {
        this.sql = sql;
    }

    public Page<RollupCell> cells(RollupFilter f) {
        Conditions w = new Conditions()
                .equal("r.district", f.district() == null ? CellKey.WHOLE_CITY : f.district())
                .equal("r.city", f.city())
                .equal("r.year", f.year())
                .equal("r.indicator", f.indicator())
                .equal("r.unit", f.unit());
        StringBuilder order = new StringBuilder();
        for (RollupSort s : f.sort()) {
            order.append(sortColumn(s.field())).append(s.descending() ? " DESC NULLS LAST, " : " ASC NULLS LAST, ");
        }
        order.append(CELL_ORDER);
        String from = " FROM rollup r LEFT JOIN indicator i ON i.id = r.indicator" + w.where();
        List<Object[]> rows = sql.query(
                "reading rollups",
                "SELECT " + CELL_COLUMNS + ", count(*) OVER () AS total_count" + from + " ORDER BY " + order
                        + " LIMIT ? OFFSET ?",
                rs -> new Object[] {cell(rs), rs.getLong("total_count")},
                w.params(f.size(), (long) f.page() * f.size()));
        long total = rows.isEmpty()
                ? sql.query("counting rollups", "SELECT count(*)" + from, rs -> rs.getLong(1), w.params())
                        .get(0)
                : (Long) rows.get(0)[1];
        return new Page<>(rows.stream().map(r -> (RollupCell) r[0]).toList(), total);
    }

    /** The rollup units an indicator has in a city-year, most observations first. */
    public List<String> units(String city, int year, String indicator) {
        return sql.query(
                "reading units",
                "SELECT unit FROM rollup WHERE city = ? AND year = ? AND district = '' AND indicator = ?"
                        + " ORDER BY observations DESC, unit",
                rs -> rs.getString(1),
                city,
                year,
                indicator);
    }

    /** The figure of each agency of a city-year on one indicator and unit. */
    public List<Figure> byAgency(String city, int year, String indicator, String unit) {
        return sql.query("reading agency figures", """
                SELECT a.agency AS name, min(a.district) FILTER (WHERE a.district <> '') AS district,
                       sum(a.reports) FILTER (WHERE a.district = '') AS reports,
                       sum(a.observations) FILTER (WHERE a.district = '') AS observations,
                       sum(a.total) FILTER (WHERE a.district = '') AS total,
                       sum(a.non_additive) FILTER (WHERE a.district = '') AS non_additive,
                       sum(a.lower_bounds) FILTER (WHERE a.district = '') AS lower_bounds
                FROM rollup_agency a
                WHERE a.city = ? AND a.year = ? AND a.indicator = ? AND a.unit = ?
                GROUP BY a.agency
                """, RollupQueries::figure, city, year, indicator, unit);
    }

    /** The figure of each district of a city-year, and of the whole city ({@code district} null), on one indicator. */
    public List<Figure> byDistrict(String city, int year, String indicator, String unit) {
        return sql.query("reading district figures", """
                SELECT nullif(r.district, '') AS name, nullif(r.district, '') AS district, r.reports, r.observations,
                       r.total, r.non_additive, r.lower_bounds
                FROM rollup r
                WHERE r.city = ? AND r.year = ? AND r.indicator = ? AND r.unit = ?
                """, RollupQueries::figure, city, year, indicator, unit);
    }

    /** Every city (or the one asked for) with its years, counts and compliance summary. */
    public List<CitySummary> cities(String city) {
        Conditions w = new Conditions().equal("city", city);
        Map<String, List<CitySummary.Year>> years = new LinkedHashMap<>();
        sql.query(
                "reading slice summaries",
                "SELECT city, year, reports, agencies, districts, metrics, complete, measures_and_results,"
                        + " shortcomings, leaders_duties, next_year_plans, other_matters, published_known,"
                        + " published_on_time FROM slice_summary" + w.where() + " ORDER BY city, year",
                rs -> {
                    CitySummary.Compliance c = new CitySummary.Compliance(
                            rs.getInt("reports"),
                            rs.getInt("complete"),
                            rs.getInt("measures_and_results"),
                            rs.getInt("shortcomings"),
                            rs.getInt("leaders_duties"),
                            rs.getInt("next_year_plans"),
                            rs.getInt("other_matters"),
                            rs.getInt("published_known"),
                            rs.getInt("published_on_time"));
                    years.computeIfAbsent(rs.getString("city"), k -> new ArrayList<>())
                            .add(new CitySummary.Year(
                                    rs.getInt("year"),
                                    rs.getInt("reports"),
                                    rs.getInt("agencies"),
                                    rs.getInt("districts"),
                                    rs.getInt("metrics"),
                                    c));
                    return null;
                },
                w.params());
        Map<String, Integer> agencies = new LinkedHashMap<>();
        sql.query(
                "counting agencies",
                "SELECT city, count(DISTINCT agency) FROM slice_agency" + w.where() + " GROUP BY city",
                rs -> agencies.put(rs.getString(1), rs.getInt(2)),
                w.params());
        List<CitySummary> cities = new ArrayList<>();
        years.forEach((name, ys) -> cities.add(new CitySummary(
                name,
                ys.stream().mapToInt(CitySummary.Year::reports).sum(),
                agencies.getOrDefault(name, 0),
                ys.stream().mapToInt(CitySummary.Year::metrics).sum(),
                ys.stream()
                        .map(CitySummary.Year::compliance)
                        .reduce(CitySummary.Compliance.NONE, CitySummary.Compliance::plus),
                ys)));
        return cities;
    }

    private static String sortColumn(RollupSort.Field field) {
        return switch (field) {
            case CITY -> "r.city";
            case YEAR -> "r.year";
            case DISTRICT -> "r.district";
            case INDICATOR -> "i.position";
            case UNIT -> "r.unit";
            case OBSERVATIONS -> "r.observations";
            case REPORTS -> "r.reports";
            case AGENCIES -> "r.agencies";
            case SUM -> "CASE WHEN r.non_additive = 0 THEN r.total END";
            case MIN -> "r.min";
            case MAX -> "r.max";
            case MEAN -> "r.total / r.observations";
        };
    }

    private static RollupCell cell(ResultSet rs) throws SQLException {
        String district = rs.getString("district");
        String indicator = rs.getString("indicator");
        int observations = rs.getInt("observations");
        return new RollupCell(
                rs.getString("city"),
                rs.getInt("year"),
                district.isEmpty() ? null : district,
                indicator,
                Indicators.name(indicator),
                rs.getString("unit"),
                observations,
                rs.getInt("reports"),
                rs.getInt("agencies"),
                CellValues.sum(rs.getBigDecimal("total"), rs.getInt("non_additive")),
                rs.getBigDecimal("min"),
                rs.getBigDecimal("max"),
                CellValues.mean(rs.getBigDecimal("total"), observations),
                rs.getInt("lower_bounds") > 0);
    }

    private static Figure figure(ResultSet rs) throws SQLException {
        return new Figure(
                rs.getString("name"),
                rs.getString("district"),
                rs.getInt("reports"),
                rs.getInt("observations"),
                rs.getBigDecimal("total"),
                rs.getInt("non_additive"),
                rs.getInt("lower_bounds"));
    }
}
