package io.fazhi.aggregate.domain;

import io.fazhi.aggregate.api.FactsView;
import io.fazhi.aggregate.api.RollupView;
import io.fazhi.aggregate.persistence.MetricFactEntity;
import io.fazhi.aggregate.persistence.ReportRevisionEntity;
import io.fazhi.aggregate.persistence.SectionFactEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads for the API: rollup cells and the facts of a report's current revision. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FactsQuery {
    private final EntityManager em;

    public FactsQuery(EntityManager em) {
        this.em = em;
    }

    public record RollupFilter(String city, String district, Integer year, String category, String metricKey,
            String unit, int page, int size) {
    }

    public List<RollupView> rollups(RollupFilter f) {
        StringBuilder sql = new StringBuilder("SELECT city, year, district, category, metric_key, label, unit, "
                + "observations, reports, agencies, sum, min, max, mean, lower_bound FROM rollup WHERE district = ?1");
        Map<Integer, Object> params = new LinkedHashMap<>();
        params.put(1, f.district() == null ? "" : f.district());
        addFilter(sql, params, "city", f.city());
        addFilter(sql, params, "year", f.year());
        addFilter(sql, params, "category", f.category());
        addFilter(sql, params, "metric_key", f.metricKey());
        addFilter(sql, params, "unit", f.unit());
        sql.append(" ORDER BY city, year, category, metric_key, label, unit LIMIT ").append(f.size())
                .append(" OFFSET ").append((long) f.page() * f.size());
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new RollupView((String) r[0], ((Number) r[1]).intValue(),
                emptyToNull((String) r[2]), (String) r[3], emptyToNull((String) r[4]), emptyToNull((String) r[5]),
                (String) r[6], ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), ((Number) r[9]).intValue(),
                (BigDecimal) r[10], (BigDecimal) r[11], (BigDecimal) r[12], (BigDecimal) r[13], (Boolean) r[14]))
                .toList();
    }

    public Optional<FactsView> facts(String reportId) {
        @SuppressWarnings("unchecked")
        List<Object[]> current = em.createNativeQuery(
                "SELECT current_revision, current_extractor FROM report WHERE report_id = ?1 "
                        + "AND current_revision IS NOT NULL")
                .setParameter(1, reportId).getResultList();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        int revision = ((Number) current.get(0)[0]).intValue();
        String extractor = (String) current.get(0)[1];
        ReportRevisionEntity r = ReportRevisionEntity.findById(
                new ReportRevisionEntity.Key(reportId, revision, extractor));
        Map<Long, List<FactsView.MetricView>> metrics = MetricFactEntity.of(reportId, revision, extractor).stream()
                .collect(Collectors.groupingBy(m -> m.sectionId, LinkedHashMap::new,
                        Collectors.mapping(m -> new FactsView.MetricView(m.value, m.unit, m.approx, m.label,
                                m.metricKey, m.surface, m.sentence, m.textOffset), Collectors.toList())));
        List<FactsView.SectionView> sections = new ArrayList<>();
        for (SectionFactEntity s : SectionFactEntity.of(reportId, revision, extractor)) {
            sections.add(new FactsView.SectionView(s.sectionIndex, s.heading, s.level, s.path, s.category,
                    metrics.getOrDefault(s.id, List.of())));
        }
        return Optional.of(new FactsView(reportId, revision, extractor, r.agency, r.city, r.district, r.level, r.year,
                r.published, r.title, r.compliance, r.warnings == null ? List.of() : r.warnings, sections));
    }

    private static void addFilter(StringBuilder sql, Map<Integer, Object> params, String column, Object value) {
        if (value != null) {
            int n = params.size() + 1;
            sql.append(" AND ").append(column).append(" = ?").append(n);
            params.put(n, value);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
