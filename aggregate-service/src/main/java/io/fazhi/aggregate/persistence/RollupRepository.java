package io.fazhi.aggregate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.query.NativeQuery;

/**
 * The set-based SQL of aggregation: idempotency records, section counting, and recomputing the rollups of a
 * (city, year) slice from the facts of the reports' current revisions.
 */
@ApplicationScoped
public class RollupRepository {
    /** Units whose values do not add up: rates and durations roll up as min, max and mean only. */
    public static final List<String> NON_ADDITIVE_UNITS =
            List.of("%", "天", "日", "个工作日", "工作日", "小时", "个小时", "分钟", "个月", "月", "年");

    private static final String NON_ADDITIVE_SQL = "ARRAY['" + String.join("','", NON_ADDITIVE_UNITS) + "']";

    private final EntityManager em;

    public RollupRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the event; false when it was recorded before (a redelivery). */
    public boolean markProcessed(String eventId) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                        .setParameter(1, eventId)
                        .executeUpdate()
                == 1;
    }

    /**
     * Creates the revision's row unless it exists (two sections of one revision may race on two instances during a
     * rebalance: the insert of the second waits for the first and then does nothing).
     */
    public void insertRevision(RevisionRow r) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object> q = em.createNativeQuery("""
                INSERT INTO report_revision (report_id, revision, extractor_version, section_count, sections_received,
                    complete, agency, city, district, level, year, published, title, compliance, warnings,
                    rollup_city, rollup_year, published_on, compliance_complete, published_on_time, first_seen_at)
                VALUES (?1, ?2, ?3, ?4, 0, false, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CAST(?12 AS jsonb), CAST(?13 AS jsonb),
                    ?14, ?15, ?16, ?17, ?18, now())
                ON CONFLICT DO NOTHING
                """).unwrap(NativeQuery.class);
        q.setParameter(1, r.reportId(), String.class)
                .setParameter(2, r.revision(), Integer.class)
                .setParameter(3, r.extractorVersion(), String.class)
                .setParameter(4, r.sectionCount(), Integer.class)
                .setParameter(5, r.agency(), String.class)
                .setParameter(6, r.city(), String.class)
                .setParameter(7, r.district(), String.class)
                .setParameter(8, r.level(), String.class)
                .setParameter(9, r.year(), Integer.class)
                .setParameter(10, r.published(), String.class)
                .setParameter(11, r.title(), String.class)
                .setParameter(12, r.complianceJson(), String.class)
                .setParameter(13, r.warningsJson(), String.class)
                .setParameter(14, r.rollupCity(), String.class)
                .setParameter(15, r.rollupYear(), Integer.class)
                .setParameter(16, r.publishedOn(), LocalDate.class)
                .setParameter(17, r.complianceComplete(), Boolean.class)
                .setParameter(18, r.publishedOnTime(), Boolean.class)
                .executeUpdate();
    }

    /** The columns of a new revision row. */
    public record RevisionRow(
            String reportId,
            int revision,
            String extractorVersion,
            int sectionCount,
            String agency,
            String city,
            String district,
            String level,
            Integer year,
            String published,
            String title,
            String complianceJson,
            String warningsJson,
            String rollupCity,
            int rollupYear,
            LocalDate publishedOn,
            boolean complianceComplete,
            Boolean publishedOnTime) {}

    /**
     * Counts one more section of the revision, holding its row lock until commit, so exactly one transaction sees
     * the last section arrive. Returns {sections received, section count, arrival}.
     */
    public long[] countSection(String reportId, int revision, String extractorVersion) {
        Object[] row = (Object[]) em.createNativeQuery("""
                UPDATE report_revision SET sections_received = sections_received + 1
                WHERE report_id = ?1 AND revision = ?2 AND extractor_version = ?3
                RETURNING sections_received, section_count, arrival
                """)
                .setParameter(1, reportId)
                .setParameter(2, revision)
                .setParameter(3, extractorVersion)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
    }

    public void markComplete(String reportId, int revision, String extractorVersion) {
        em.createNativeQuery("UPDATE report_revision SET complete = true, completed_at = now() "
                        + "WHERE report_id = ?1 AND revision = ?2 AND extractor_version = ?3")
                .setParameter(1, reportId)
                .setParameter(2, revision)
                .setParameter(3, extractorVersion)
                .executeUpdate();
    }

    /** Whether that extraction of that revision has all its sections (for redeliveries). */
    public boolean isComplete(String reportId, int revision, String extractorVersion) {
        List<?> rows = em.createNativeQuery("SELECT complete FROM report_revision "
                        + "WHERE report_id = ?1 AND revision = ?2 AND extractor_version = ?3")
                .setParameter(1, reportId)
                .setParameter(2, revision)
                .setParameter(3, extractorVersion)
                .getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    /** The report's current revision as it counts in the rollups. */
    public record Current(
            Integer revision, String extractorVersion, Long arrival, String rollupCity, Integer rollupYear) {}

    /** Locks the report's row (creating it) and returns its current revision, or a Current of nulls. */
    public Current lockReport(String reportId) {
        em.createNativeQuery("INSERT INTO report (report_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, reportId)
                .executeUpdate();
        Object[] row =
                (Object[]) em.createNativeQuery("""
                SELECT r.current_revision, r.current_extractor, rr.arrival, rr.rollup_city, rr.rollup_year
                FROM report r
                LEFT JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                                            AND rr.extractor_version = r.current_extractor
                WHERE r.report_id = ?1
                FOR UPDATE OF r
                """).setParameter(1, reportId).getSingleResult();
        return new Current(
                (Integer) row[0],
                (String) row[1],
                row[2] == null ? null : ((Number) row[2]).longValue(),
                (String) row[3],
                (Integer) row[4]);
    }

    public void setCurrent(String reportId, int revision, String extractorVersion) {
        em.createNativeQuery("UPDATE report SET current_revision = ?2, current_extractor = ?3, updated_at = now() "
                        + "WHERE report_id = ?1")
                .setParameter(1, reportId)
                .setParameter(2, revision)
                .setParameter(3, extractorVersion)
                .executeUpdate();
    }

    /**
     * Serialises rollup writers per slice: a transaction recomputing a slice waits for any other one holding it,
     * so its recomputation sees that one's committed facts.
     */
    public void lockSlice(String city, int year) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, city)
                .setParameter(2, (long) year)
                .getSingleResult();
    }

    /** Replaces the rollups of one (city, year) slice by an aggregation of its reports' current facts. */
    public void recomputeSlice(String city, int year) {
        em.createNativeQuery("DELETE FROM rollup WHERE city = ?1 AND year = ?2")
                .setParameter(1, city)
                .setParameter(2, year)
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO rollup (city, year, district, category, metric_key, label, unit, observations, reports,
                                    agencies, sum, min, max, mean, lower_bound)
                SELECT rr.rollup_city, rr.rollup_year, d.district, m.category,
                       coalesce(m.metric_key, ''),
                       CASE WHEN m.metric_key IS NULL THEN coalesce(m.label, '') ELSE '' END,
                       m.unit,
                       count(*), count(DISTINCT m.report_id), count(DISTINCT coalesce(rr.agency, m.report_id)),
                       CASE WHEN m.unit = ANY (?3) THEN NULL ELSE sum(m.value) END,
                       min(m.value), max(m.value), avg(m.value),
                       bool_or(coalesce(m.approx = 'more_than', false))
                FROM report r
                JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                                       AND rr.extractor_version = r.current_extractor
                JOIN metric_fact m ON m.report_id = rr.report_id AND m.revision = rr.revision
                                  AND m.extractor_version = rr.extractor_version
                CROSS JOIN LATERAL (VALUES (''), (rr.district)) AS d (district)
                WHERE rr.rollup_city = ?1 AND rr.rollup_year = ?2 AND d.district IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 6, 7
                """.replace("?3", NON_ADDITIVE_SQL))
                .setParameter(1, city)
                .setParameter(2, year)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM slice_summary WHERE city = ?1 AND year = ?2")
                .setParameter(1, city)
                .setParameter(2, year)
                .executeUpdate();
        em.createNativeQuery(SUMMARY_SQL)
                .setParameter(1, city)
                .setParameter(2, year)
                .executeUpdate();
    }

    private static final String SUMMARY_SQL = """
            INSERT INTO slice_summary (city, year, reports, agencies, districts, metrics, complete,
                                       measures_and_results, shortcomings, leaders_duties, next_year_plans,
                                       other_matters, published_known, published_on_time)
            SELECT ?1, ?2, count(*), count(DISTINCT coalesce(rr.agency, rr.report_id)), count(DISTINCT rr.district),
                   coalesce((SELECT sum(observations) FROM rollup x WHERE x.city = ?1 AND x.year = ?2
                             AND x.district = ''), 0),
                   count(*) FILTER (WHERE rr.compliance_complete),
                   count(*) FILTER (WHERE (rr.compliance ->> 'measuresAndResults')::boolean),
                   count(*) FILTER (WHERE (rr.compliance ->> 'shortcomings')::boolean),
                   count(*) FILTER (WHERE (rr.compliance ->> 'leadersDuties')::boolean),
                   count(*) FILTER (WHERE (rr.compliance ->> 'nextYearPlans')::boolean),
                   count(*) FILTER (WHERE (rr.compliance ->> 'otherMatters')::boolean),
                   count(rr.published_on),
                   count(*) FILTER (WHERE rr.published_on_time)
            FROM report r
            JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                                   AND rr.extractor_version = r.current_extractor
            WHERE rr.rollup_city = ?1 AND rr.rollup_year = ?2
            HAVING count(*) > 0
            """;

    /** Every (city, year) slice that holds a current revision. */
    public List<Object[]> slices() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT rr.rollup_city, rr.rollup_year FROM report r
                JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                                       AND rr.extractor_version = r.current_extractor
                ORDER BY 1, 2
                """).getResultList();
        return rows;
    }
}
