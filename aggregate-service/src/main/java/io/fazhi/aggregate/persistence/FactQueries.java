package io.fazhi.aggregate.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.model.CellKey;
import io.fazhi.aggregate.model.FactFilter;
import io.fazhi.aggregate.model.MetricFactView;
import io.fazhi.aggregate.model.Page;
import io.fazhi.aggregate.model.ReportFacts;
import io.fazhi.contracts.Indicators;
import io.fazhi.contracts.ReportInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the facts of counted reports: the metrics behind a rollup cell or found by their label (served through the
 * cell's contributions when city and indicator are given, so the cost is the cell's), and one report's current
 * revision with every extraction seen.
 */
@ApplicationScoped
public class FactQueries {
    private static final String FROM = """
             FROM counted_revision rr
            JOIN metric_fact m ON m.report_id = rr.report_id AND m.revision = rr.revision
                              AND m.extractor_version = rr.extractor_version
            JOIN section_fact s ON s.report_id = m.report_id AND s.revision = m.revision
                               AND s.extractor_version = m.extractor_version AND s.section_index = m.section_index""";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final SqlRunner sql;

    public FactQueries(SqlRunner sql) {
        this.sql = sql;
    }

    public Page<MetricFactView> facts(FactFilter f) {
        Conditions w = new Conditions()
                .equal("rr.rollup_city", f.city())
                .equal("rr.rollup_year", f.year())
                .equal("rr.district", f.district())
                .equal("rr.agency_key", f.agency())
                .equal("m.category", f.category())
                .equal("m.rollup_unit", f.unit());
        if (FactFilter.NO_INDICATOR.equals(f.indicator())) {
            w.add("m.indicator IS NULL");
        } else if (f.indicator() != null) {
            w.add("m.indicator = ?", f.indicator());
            if (f.city() != null) {
                // the reports of the cell: its contributions (a primary-key range), not every report of the slice
                Conditions c = new Conditions()
                        .equal("c.city", f.city())
                        .equal("c.year", f.year())
                        .equal("c.indicator", f.indicator())
                        .equal("c.unit", f.unit())
                        .equal("c.district", f.district() == null ? CellKey.WHOLE_CITY : f.district());
                w.add("rr.report_id IN (SELECT c.report_id FROM rollup_contribution c" + c.where() + ")", c.params());
            }
        }
        if (f.label() != null) {
            w.add("m.label ILIKE ? ESCAPE '\\'", Conditions.containing(f.label()));
        }
        List<Object[]> rows = sql.query(
                "reading facts",
                """
                SELECT m.report_id, m.revision, m.extractor_version, rr.agency, rr.rollup_city, rr.district, rr.level,
                       rr.rollup_year, m.category, s.heading, s.path, m.indicator, m.label, m.value, m.unit,
                       m.rollup_unit, m.unit_kind, m.approx, m.surface, m.sentence, m.text_offset,
                       count(*) OVER () AS total_count""" + FROM + w.where()
                        + " ORDER BY m.value DESC, m.report_id, m.section_index, m.position LIMIT ? OFFSET ?",
                rs -> new Object[] {fact(rs), rs.getLong("total_count")},
                w.params(f.size(), (long) f.page() * f.size()));
        long total = rows.isEmpty()
                ? sql.query("counting facts", "SELECT count(*)" + FROM + w.where(), rs -> rs.getLong(1), w.params())
                        .get(0)
                : (Long) rows.get(0)[1];
        return new Page<>(rows.stream().map(r -> (MetricFactView) r[0]).toList(), total);
    }

    /** A report's current revision with its sections, metrics and every extraction seen; empty before the first. */
    public Optional<ReportFacts> report(String reportId) {
        List<Object[]> current = sql.query(
                "reading a report",
                "SELECT current_revision, current_extractor FROM report WHERE report_id = ?"
                        + " AND current_revision IS NOT NULL",
                rs -> new Object[] {rs.getInt(1), rs.getString(2)},
                reportId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        int revision = (Integer) current.get(0)[0];
        String extractor = (String) current.get(0)[1];
        Map<String, Object> head = new LinkedHashMap<>();
        List<ReportFacts.Extraction> extractions = sql.query(
                "reading extractions",
                """
                SELECT revision, extractor_version, withdrawn, section_count, sections_received, complete, completed_at,
                       agency, city, district, level, year, published, title, compliance::text AS compliance,
                       compliance_complete, published_on_time, warnings::text AS warnings
                FROM report_revision WHERE report_id = ? ORDER BY revision, arrival
                """,
                rs -> {
                    boolean isCurrent = rs.getInt("revision") == revision
                            && rs.getString("extractor_version").equals(extractor);
                    if (isCurrent) {
                        for (String column : List.of(
                                "agency",
                                "city",
                                "district",
                                "level",
                                "published",
                                "title",
                                "compliance",
                                "warnings")) {
                            head.put(column, rs.getString(column));
                        }
                        head.put("year", SqlRunner.nullableInt(rs, "year"));
                        head.put("withdrawn", rs.getBoolean("withdrawn"));
                        head.put("complianceComplete", rs.getBoolean("compliance_complete"));
                        head.put("publishedOnTime", SqlRunner.nullableBoolean(rs, "published_on_time"));
                        head.put("completedAt", instant(rs.getTimestamp("completed_at")));
                    }
                    return new ReportFacts.Extraction(
                            rs.getInt("revision"),
                            rs.getString("extractor_version"),
                            rs.getBoolean("withdrawn"),
                            rs.getInt("section_count"),
                            rs.getInt("sections_received"),
                            rs.getBoolean("complete"),
                            isCurrent,
                            instant(rs.getTimestamp("completed_at")));
                },
                reportId);
        Map<Integer, List<ReportFacts.Metric>> metrics = new LinkedHashMap<>();
        sql.query(
                "reading metrics",
                """
                SELECT section_index, value, unit, rollup_unit, unit_kind, approx, label, indicator, surface, sentence,
                       text_offset
                FROM metric_fact WHERE report_id = ? AND revision = ? AND extractor_version = ?
                ORDER BY section_index, position
                """,
                rs -> metrics.computeIfAbsent(rs.getInt("section_index"), k -> new ArrayList<>())
                        .add(new ReportFacts.Metric(
                                rs.getBigDecimal("value"),
                                rs.getString("unit"),
                                rs.getString("rollup_unit"),
                                rs.getString("unit_kind"),
                                rs.getString("approx"),
                                rs.getString("label"),
                                rs.getString("indicator"),
                                Indicators.name(rs.getString("indicator")),
                                rs.getString("surface"),
                                rs.getString("sentence"),
                                rs.getInt("text_offset"))),
                reportId,
                revision,
                extractor);
        List<ReportFacts.Section> sections = sql.query(
                "reading sections",
                """
                SELECT section_index, heading, level, path, category FROM section_fact
                WHERE report_id = ? AND revision = ? AND extractor_version = ? ORDER BY section_index
                """,
                rs -> new ReportFacts.Section(
                        rs.getInt("section_index"),
                        rs.getString("heading"),
                        rs.getInt("level"),
                        rs.getString("path"),
                        rs.getString("category"),
                        metrics.getOrDefault(rs.getInt("section_index"), List.of())),
                reportId,
                revision,
                extractor);
        String warnings = (String) head.get("warnings");
        return Optional.of(new ReportFacts(
                reportId,
                revision,
                extractor,
                (Boolean) head.get("withdrawn"),
                (String) head.get("agency"),
                (String) head.get("city"),
                (String) head.get("district"),
                (String) head.get("level"),
                (Integer) head.get("year"),
                (String) head.get("published"),
                (String) head.get("title"),
                read((String) head.get("compliance"), new TypeReference<ReportInfo.Compliance>() {}),
                (Boolean) head.get("complianceComplete"),
                (Boolean) head.get("publishedOnTime"),
                warnings == null ? List.of() : read(warnings, new TypeReference<List<String>>() {}),
                (Instant) head.get("completedAt"),
                extractions,
                sections));
    }

    private static MetricFactView fact(ResultSet rs) throws SQLException {
        String indicator = rs.getString("indicator");
        return new MetricFactView(
                rs.getString("report_id"),
                rs.getInt("revision"),
                rs.getString("extractor_version"),
                rs.getString("agency"),
                rs.getString("rollup_city"),
                rs.getString("district"),
                rs.getString("level"),
                rs.getInt("rollup_year"),
                rs.getString("category"),
                rs.getString("heading"),
                rs.getString("path"),
                indicator,
                Indicators.name(indicator),
                rs.getString("label"),
                rs.getBigDecimal("value"),
                rs.getString("unit"),
                rs.getString("rollup_unit"),
                rs.getString("unit_kind"),
                rs.getString("approx"),
                rs.getString("surface"),
                rs.getString("sentence"),
                rs.getInt("text_offset"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
