package io.fazhi.aggregate.domain;

import io.fazhi.aggregate.api.CityView;
import io.fazhi.aggregate.api.FactsView;
import io.fazhi.aggregate.api.MetricRow;
import io.fazhi.aggregate.api.RollupView;
import io.fazhi.aggregate.persistence.MetricFactEntity;
import io.fazhi.aggregate.persistence.ReportRevisionEntity;
import io.fazhi.aggregate.persistence.SectionFactEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * Reads for the API: rollup cells, cities, the metrics behind a cell and the facts of a report's current revision.
 * Every query is served by an index (see V2__read_model_and_views.sql); none grows with the number of reports
 * outside the slice it reads, except the city list's distinct agency count.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FactsQuery {
    /** API sort names and their columns: the only columns a caller can sort rollups by. */
    public static final Map<String, String> ROLLUP_SORT = Map.ofEntries(
            Map.entry("city", "city"),
            Map.entry("year", "year"),
            Map.entry("district", "district"),
            Map.entry("category", "category"),
            Map.entry("metricKey", "metric_key"),
            Map.entry("label", "label"),
            Map.entry("unit", "unit"),
            Map.entry("observations", "observations"),
            Map.entry("reports", "reports"),
            Map.entry("agencies", "agencies"),
            Map.entry("sum", "sum"),
            Map.entry("min", "min"),
            Map.entry("max", "max"),
            Map.entry("mean", "mean"));

    private static final String ROLLUP_TIE_BREAK = "city, year, district, category, metric_key, label, unit";

    private final EntityManager em;

    public FactsQuery(EntityManager em) {
        this.em = em;
    }

    /** One page of results and the number of results over all pages. */
    public record Page<T>(List<T> items, long total) {}

    /** A sort key: an entry of {@link #ROLLUP_SORT}, ascending or descending. */
    public record Sort(String field, boolean descending) {}

    /**
     * @param district  null or "" for the whole city
     * @param metricKey a canonical key; with {@code label} absent, the cells of that key
     * @param label     the cells per label (metrics without a key)
     */
    public record RollupFilter(
            String city,
            String district,
            Integer year,
            String category,
            String metricKey,
            String label,
            String unit,
            int page,
            int size,
            List<Sort> sort) {}

    /** Selects the metrics of a rollup cell; {@code label} without {@code metricKey} means metrics without a key. */
    public record MetricFilter(
            String city,
            String district,
            Integer year,
            String category,
            String metricKey,
            String label,
            String unit,
            int page,
            int size) {}

    public Page<RollupView> rollups(RollupFilter f) {
        Where w = new Where();
        w.eq("district", f.district() == null ? "" : f.district());
        w.eq("city", f.city());
        w.eq("year", f.year());
        w.eq("category", f.category());
        w.eq("metric_key", f.metricKey());
        w.eq("label", f.label());
        w.eq("unit", f.unit());
        StringBuilder order = new StringBuilder();
        for (Sort s : f.sort()) {
            order.append(ROLLUP_SORT.get(s.field()))
                    .append(s.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
                    .append(", ");
        }
        order.append(ROLLUP_TIE_BREAK);
        String sql = "SELECT city, year, district, category, metric_key, label, unit, observations, reports, "
                + "agencies, sum, min, max, mean, lower_bound, count(*) OVER () FROM rollup" + w.sql()
                + " ORDER BY " + order + " LIMIT " + f.size() + " OFFSET " + ((long) f.page() * f.size());
        List<Object[]> rows = w.list(em, sql);
        List<RollupView> items = rows.stream()
                .map(r -> new RollupView(
                        (String) r[0],
                        ((Number) r[1]).intValue(),
                        emptyToNull((String) r[2]),
                        (String) r[3],
                        emptyToNull((String) r[4]),
                        emptyToNull((String) r[5]),
                        (String) r[6],
                        ((Number) r[7]).intValue(),
                        ((Number) r[8]).intValue(),
                        ((Number) r[9]).intValue(),
                        (BigDecimal) r[10],
                        (BigDecimal) r[11],
                        (BigDecimal) r[12],
                        scale((BigDecimal) r[13]),
                        (Boolean) r[14]))
                .toList();
        return new Page<>(items, total(rows, 15, () -> w.count(em, "SELECT count(*) FROM rollup" + w.sql())));
    }

    /** The metrics counted in a rollup cell, largest first, each with its report, agency, section and sentence. */
    public Page<MetricRow> metrics(MetricFilter f) {
        Where w = new Where();
        w.eq("rr.rollup_city", f.city());
        w.eq("rr.rollup_year", f.year());
        if (f.district() != null && !f.district().isEmpty()) {
            w.eq("rr.district", f.district());
        }
        w.eq("m.category", f.category());
        w.eq("m.metric_key", f.metricKey());
        if (f.label() != null) {
            if (f.metricKey() == null) {
                w.raw("m.metric_key IS NULL");
            }
            w.eq("coalesce(m.label, '')", f.label());
        }
        w.eq("m.unit", f.unit());
        String from = """
                 FROM report_revision rr
                JOIN report r ON r.report_id = rr.report_id AND r.current_revision = rr.revision
                             AND r.current_extractor = rr.extractor_version
                JOIN metric_fact m ON m.report_id = rr.report_id AND m.revision = rr.revision
                                  AND m.extractor_version = rr.extractor_version
                JOIN section_fact s ON s.id = m.section_id""";
        String sql = "SELECT m.report_id, m.revision, m.extractor_version, rr.agency, rr.rollup_city, rr.district, "
                + "rr.level, rr.rollup_year, m.category, s.heading, s.path, m.metric_key, m.label, m.value, m.unit, "
                + "m.approx, m.surface, m.sentence, m.text_offset, count(*) OVER ()" + from + w.sql()
                + " ORDER BY m.value DESC, m.report_id, m.id LIMIT " + f.size() + " OFFSET "
                + ((long) f.page() * f.size());
        List<Object[]> rows = w.list(em, sql);
        List<MetricRow> items = rows.stream()
                .map(r -> new MetricRow(
                        (String) r[0],
                        ((Number) r[1]).intValue(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        ((Number) r[7]).intValue(),
                        (String) r[8],
                        (String) r[9],
                        (String) r[10],
                        (String) r[11],
                        (String) r[12],
                        (BigDecimal) r[13],
                        (String) r[14],
                        (String) r[15],
                        (String) r[16],
                        (String) r[17],
                        ((Number) r[18]).intValue()))
                .toList();
        return new Page<>(items, total(rows, 19, () -> w.count(em, "SELECT count(*)" + from + w.sql())));
    }

    /** Every city (or the one asked for) with its years, counts and compliance summary. */
    public List<CityView> cities(String city) {
        Where w = new Where();
        w.eq("city", city);
        List<Object[]> rows = w.list(
                em,
                "SELECT city, year, reports, agencies, districts, metrics, complete, "
                        + "measures_and_results, shortcomings, leaders_duties, next_year_plans, other_matters, "
                        + "published_known, published_on_time FROM slice_summary" + w.sql() + " ORDER BY city, year");
        Where a = new Where();
        a.eq("rr.rollup_city", city);
        Map<String, Integer> agencies = a.list(em, """
                SELECT rr.rollup_city, count(DISTINCT coalesce(rr.agency, rr.report_id))
                FROM report r
                JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                                       AND rr.extractor_version = r.current_extractor""" + a.sql() + " GROUP BY rr.rollup_city").stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).intValue()));
        Map<String, List<CityView.Year>> years = new LinkedHashMap<>();
        for (Object[] r : rows) {
            CityView.Compliance c = new CityView.Compliance(
                    i(r[2]), i(r[6]), i(r[7]), i(r[8]), i(r[9]), i(r[10]), i(r[11]), i(r[12]), i(r[13]));
            years.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new CityView.Year(i(r[1]), i(r[2]), i(r[3]), i(r[4]), i(r[5]), c));
        }
        List<CityView> cities = new ArrayList<>();
        years.forEach((name, ys) -> cities.add(new CityView(
                name,
                ys.stream().mapToInt(CityView.Year::reports).sum(),
                agencies.getOrDefault(name, 0),
                ys.stream().mapToInt(CityView.Year::metrics).sum(),
                ys.stream().map(CityView.Year::compliance).reduce(CityView.Compliance.NONE, CityView.Compliance::plus),
                ys)));
        return cities;
    }

    public Optional<FactsView> facts(String reportId) {
        @SuppressWarnings("unchecked")
        List<Object[]> current = em.createNativeQuery(
                        "SELECT current_revision, current_extractor FROM report WHERE report_id = ?1 "
                                + "AND current_revision IS NOT NULL")
                .setParameter(1, reportId)
                .getResultList();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        int revision = ((Number) current.get(0)[0]).intValue();
        String extractor = (String) current.get(0)[1];
        List<ReportRevisionEntity> all =
                ReportRevisionEntity.list("key.reportId = ?1 order by key.revision, arrival", reportId);
        ReportRevisionEntity r = all.stream()
                .filter(x ->
                        x.key.revision() == revision && x.key.extractorVersion().equals(extractor))
                .findFirst()
                .orElseThrow();
        List<FactsView.Extraction> extractions = all.stream()
                .map(x -> new FactsView.Extraction(
                        x.key.revision(),
                        x.key.extractorVersion(),
                        x.sectionCount,
                        x.sectionsReceived,
                        x.complete,
                        x == r,
                        x.completedAt))
                .toList();
        Map<Long, List<FactsView.MetricView>> metrics = MetricFactEntity.of(reportId, revision, extractor).stream()
                .collect(Collectors.groupingBy(
                        m -> m.sectionId,
                        LinkedHashMap::new,
                        Collectors.mapping(
                                m -> new FactsView.MetricView(
                                        m.value,
                                        m.unit,
                                        m.approx,
                                        m.label,
                                        m.metricKey,
                                        m.surface,
                                        m.sentence,
                                        m.textOffset),
                                Collectors.toList())));
        List<FactsView.SectionView> sections = new ArrayList<>();
        for (SectionFactEntity s : SectionFactEntity.of(reportId, revision, extractor)) {
            sections.add(new FactsView.SectionView(
                    s.sectionIndex, s.heading, s.level, s.path, s.category, metrics.getOrDefault(s.id, List.of())));
        }
        return Optional.of(new FactsView(
                reportId,
                revision,
                extractor,
                r.agency,
                r.city,
                r.district,
                r.level,
                r.year,
                r.published,
                r.title,
                r.compliance,
                r.complianceComplete,
                r.publishedOnTime,
                r.warnings == null ? List.of() : r.warnings,
                r.completedAt,
                extractions,
                sections));
    }

    private static long total(List<Object[]> rows, int column, java.util.function.LongSupplier count) {
        return rows.isEmpty() ? count.getAsLong() : ((Number) rows.get(0)[column]).longValue();
    }

    private static int i(Object o) {
        return ((Number) o).intValue();
    }

    private static BigDecimal scale(BigDecimal mean) {
        if (mean == null) {
            return null;
        }
        BigDecimal m = mean.setScale(Math.min(mean.scale(), 4), java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return m.scale() < 0 ? m.setScale(0) : m; // 100, not 1E+2
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A conjunction of equality filters with positional parameters; values never enter the SQL text. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void eq(String column, Object value) {
            if (value != null) {
                params.add(value);
                raw(column + " = ?" + params.size());
            }
        }

        void raw(String condition) {
            sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
        }

        String sql() {
            return sql.toString();
        }

        @SuppressWarnings("unchecked")
        List<Object[]> list(EntityManager em, String query) {
            if (query.isEmpty()) {
                return List.of();
            }
            NativeQuery<Object[]> q = em.createNativeQuery(query).unwrap(NativeQuery.class);
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            List<?> rows = q.getResultList();
            return rows.stream()
                    .map(r -> r instanceof Object[] a ? a : new Object[] {r})
                    .toList();
        }

        long count(EntityManager em, String query) {
            return ((Number) list(em, query).get(0)[0]).longValue();
        }
    }
}
