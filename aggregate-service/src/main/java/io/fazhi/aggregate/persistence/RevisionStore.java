package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.ints;
import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.aggregate.model.CompletedRevision;
import io.fazhi.aggregate.model.ReportState;
import io.fazhi.aggregate.model.RevisionKey;
import io.fazhi.aggregate.model.RevisionRow;
import io.fazhi.aggregate.model.SectionCount;
import io.fazhi.aggregate.model.SliceKey;
import io.fazhi.aggregate.model.SliceMember;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Revisions and reports: the row of each extraction of a revision, its section count, and which revision of each
 * report is current. Every statement takes a whole batch; rows are touched in key order.
 */
@ApplicationScoped
public class RevisionStore {
    /** What a revision adds to its slice summary, as columns of {@code report_revision rr}. */
    private static final String MEMBER_COLUMNS = """
            rr.rollup_city, rr.rollup_year, rr.agency_key, rr.district, rr.metric_count, rr.compliance_complete,
            rr.measures_and_results, rr.shortcomings, rr.leaders_duties, rr.next_year_plans, rr.other_matters,
            rr.published_on IS NOT NULL AS published_known, coalesce(rr.published_on_time, false) AS on_time""";

    private final SqlRunner sql;

    public RevisionStore(SqlRunner sql) {
        this.sql = sql;
    }

    /**
     * Creates the rows of extractions seen for the first time. An existing row is left alone (two sections of one
     * revision may race on two instances during a rebalance: the second insert waits for the first, then does
     * nothing).
     */
    public void insert(List<RevisionRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<RevisionRow> sorted =
                rows.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        sql.update(
                "storing revisions",
                """
                INSERT INTO report_revision (report_id, revision, extractor_version, section_count, withdrawn, agency,
                    city, district, level, year, published, title, compliance, warnings, rollup_city, rollup_year,
                    published_on, compliance_complete, published_on_time, sections_received, complete, first_seen_at)
                SELECT report_id, revision, extractor_version, section_count, withdrawn, agency, city, district, level,
                       year, published, title, CAST(compliance AS jsonb), CAST(warnings AS jsonb), rollup_city,
                       rollup_year, CAST(published_on AS date), compliance_complete, published_on_time, 0, false, now()
                FROM unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::bool[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                            ?::text[], ?::bool[], ?::bool[])
                     AS r (report_id, revision, extractor_version, section_count, withdrawn, agency, city, district,
                           level, year, published, title, compliance, warnings, rollup_city, rollup_year, published_on,
                           compliance_complete, published_on_time)
                ON CONFLICT DO NOTHING
                """,
                texts(sorted.stream().map(r -> r.key().reportId()).toList()),
                ints(sorted.stream().map(r -> r.key().revision()).toList()),
                texts(sorted.stream().map(r -> r.key().extractorVersion()).toList()),
                ints(sorted.stream().map(RevisionRow::sectionCount).toList()),
                bools(sorted.stream().map(RevisionRow::withdrawn).toList()),
                texts(sorted.stream().map(RevisionRow::agency).toList()),
                texts(sorted.stream().map(RevisionRow::city).toList()),
                texts(sorted.stream().map(RevisionRow::district).toList()),
                texts(sorted.stream().map(RevisionRow::level).toList()),
                ints(sorted.stream().map(RevisionRow::year).toList()),
                texts(sorted.stream().map(RevisionRow::published).toList()),
                texts(sorted.stream().map(RevisionRow::title).toList()),
                texts(sorted.stream().map(RevisionRow::complianceJson).toList()),
                texts(sorted.stream().map(RevisionRow::warningsJson).toList()),
                texts(sorted.stream().map(r -> r.slice().city()).toList()),
                ints(sorted.stream().map(r -> r.slice().year()).toList()),
                texts(sorted.stream()
                        .map(r -> Objects.toString(r.publishedOn(), null))
                        .toList()),
                bools(sorted.stream().map(RevisionRow::complianceComplete).toList()),
                bools(sorted.stream().map(RevisionRow::publishedOnTime).toList()));
    }

    /**
     * Counts the sections (and metrics) that arrived for each extraction, holding its row lock until commit, so that
     * exactly one transaction sees the last section of a revision arrive. Returns the revisions this completed.
     */
    public List<CompletedRevision> count(List<SectionCount> counts) {
        if (counts.isEmpty()) {
            return List.of();
        }
        List<SectionCount> sorted =
                counts.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        return sql
                .query(
                        "counting sections",
                        """
                        UPDATE report_revision rr
                        SET sections_received = rr.sections_received + d.sections,
                            metric_count = rr.metric_count + d.metrics,
                            complete = rr.complete OR rr.sections_received + d.sections >= rr.section_count,
                            completed_at = CASE WHEN NOT rr.complete
                                                 AND rr.sections_received + d.sections >= rr.section_count
                                                THEN now() ELSE rr.completed_at END
                        FROM (SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::int[])
                                  AS u (report_id, revision, extractor_version, sections, metrics)
                              ORDER BY 1, 2, 3) d
                        WHERE rr.report_id = d.report_id AND rr.revision = d.revision
                          AND rr.extractor_version = d.extractor_version
                        RETURNING rr.report_id, rr.revision, rr.extractor_version, rr.sections_received,
                                  rr.section_count, d.sections, rr.arrival, rr.withdrawn,
                        """ + MEMBER_COLUMNS,
                        rs -> {
                            int received = rs.getInt("sections_received");
                            int total = rs.getInt("section_count");
                            int added = rs.getInt("sections");
                            if (received < total || received - added >= total) {
                                return null; // not complete yet, or completed before
                            }
                            boolean withdrawn = rs.getBoolean("withdrawn");
                            return new CompletedRevision(
                                    key(rs), rs.getLong("arrival"), withdrawn, withdrawn ? null : member(rs));
                        },
                        texts(sorted.stream().map(c -> c.key().reportId()).toList()),
                        ints(sorted.stream().map(c -> c.key().revision()).toList()),
                        texts(sorted.stream()
                                .map(c -> c.key().extractorVersion())
                                .toList()),
                        ints(sorted.stream().map(SectionCount::sections).toList()),
                        ints(sorted.stream().map(SectionCount::metrics).toList()))
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /** Of these extractions, those with all their sections (for redelivered events: AGGREGATED is sent again). */
    public List<RevisionKey> complete(Collection<RevisionKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<RevisionKey> list = List.copyOf(keys);
        return sql.query(
                "reading complete revisions",
                """
                SELECT rr.report_id, rr.revision, rr.extractor_version
                FROM report_revision rr
                JOIN unnest(?::text[], ?::int[], ?::text[]) AS k (report_id, revision, extractor_version)
                  ON rr.report_id = k.report_id AND rr.revision = k.revision
                 AND rr.extractor_version = k.extractor_version
                WHERE rr.complete
                """,
                RevisionStore::key,
                texts(list.stream().map(RevisionKey::reportId).toList()),
                ints(list.stream().map(RevisionKey::revision).toList()),
                texts(list.stream().map(RevisionKey::extractorVersion).toList()));
    }

    /**
     * Locks the reports' rows (creating them), in id order, and returns how each counts now. Whoever holds a report's
     * lock decides its current revision; the others wait and then see that decision. The state is read by a statement
     * of its own once the locks are held, so that it sees what a transaction that held them before committed.
     */
    public Map<String, ReportState> lockReports(Collection<String> reportIds) {
        List<String> ids = reportIds.stream().distinct().sorted().toList();
        sql.update(
                "creating reports",
                "INSERT INTO report (report_id) SELECT id FROM unnest(?::text[]) AS id ORDER BY id"
                        + " ON CONFLICT DO NOTHING",
                texts(ids));
        sql.query(
                "locking reports",
                "SELECT report_id FROM report WHERE report_id = ANY (?::text[]) ORDER BY report_id FOR UPDATE",
                rs -> rs.getString(1),
                texts(ids));
        Map<String, ReportState> states = new LinkedHashMap<>();
        sql.query(
                "reading reports",
                """
                SELECT r.report_id AS report, r.current_revision, r.current_extractor, rr.arrival, rr.withdrawn,
                """ + MEMBER_COLUMNS + """

                FROM report r
                LEFT JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                                            AND rr.extractor_version = r.current_extractor
                WHERE r.report_id = ANY (?::text[])
                """,
                rs -> {
                    String id = rs.getString("report");
                    Integer revision = SqlRunner.nullableInt(rs, "current_revision");
                    if (revision == null) {
                        states.put(id, new ReportState(id, null, 0, null));
                    } else {
                        RevisionKey current = new RevisionKey(id, revision, rs.getString("current_extractor"));
                        boolean withdrawn = rs.getBoolean("withdrawn");
                        states.put(
                                id, new ReportState(id, current, rs.getLong("arrival"), withdrawn ? null : member(rs)));
                    }
                    return null;
                },
                texts(ids));
        return states;
    }

    /** Makes these revisions their reports' current ones. */
    public void setCurrent(List<RevisionKey> current) {
        if (current.isEmpty()) {
            return;
        }
        sql.update(
                "setting current revisions",
                """
                UPDATE report r SET current_revision = d.revision, current_extractor = d.extractor_version,
                                    updated_at = now()
                FROM unnest(?::text[], ?::int[], ?::text[]) AS d (report_id, revision, extractor_version)
                WHERE r.report_id = d.report_id
                """,
                texts(current.stream().map(RevisionKey::reportId).toList()),
                ints(current.stream().map(RevisionKey::revision).toList()),
                texts(current.stream().map(RevisionKey::extractorVersion).toList()));
    }

    private static RevisionKey key(ResultSet rs) throws SQLException {
        return new RevisionKey(rs.getString("report_id"), rs.getInt("revision"), rs.getString("extractor_version"));
    }

    private static SliceMember member(ResultSet rs) throws SQLException {
        return new SliceMember(
                new SliceKey(rs.getString("rollup_city"), rs.getInt("rollup_year")),
                rs.getString("agency_key"),
                rs.getString("district"),
                rs.getInt("metric_count"),
                rs.getBoolean("compliance_complete"),
                rs.getBoolean("measures_and_results"),
                rs.getBoolean("shortcomings"),
                rs.getBoolean("leaders_duties"),
                rs.getBoolean("next_year_plans"),
                rs.getBoolean("other_matters"),
                rs.getBoolean("published_known"),
                rs.getBoolean("on_time"));
    }

    private static SqlRunner.ArrayParameter bools(List<Boolean> values) {
        return new SqlRunner.ArrayParameter("bool", values.toArray());
    }
}
