package io.fazhi.aggregate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The set-based SQL of aggregation: idempotency records, section counting, and recomputing the rollups of a
 * (city, year) slice from the facts of the reports' current revisions.
 */
@ApplicationScoped
public class RollupRepository {
    /** Units whose values do not add up: rates and durations roll up as min, max and mean only. */
    public static final List<String> NON_ADDITIVE_UNITS = List.of("%", "天", "日", "个工作日", "工作日", "小时",
            "个小时", "分钟", "个月", "月", "年");
    private static final String NON_ADDITIVE_SQL = "ARRAY['" + String.join("','", NON_ADDITIVE_UNITS) + "']";

    private final EntityManager em;

    public RollupRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the event; false when it was recorded before (a redelivery). */
    public boolean markProcessed(String eventId) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId).executeUpdate() == 1;
    }

    /** Locks the report's row (creating it) and returns its current revision and extractor, or nulls. */
    public Object[] lockReport(String reportId) {
        em.createNativeQuery("INSERT INTO report (report_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, reportId).executeUpdate();
        return (Object[]) em.createNativeQuery(
                "SELECT current_revision, current_extractor FROM report WHERE report_id = ?1 FOR UPDATE")
                .setParameter(1, reportId).getSingleResult();
    }

    public void setCurrent(String reportId, int revision, String extractorVersion) {
        em.createNativeQuery("UPDATE report SET current_revision = ?2, current_extractor = ?3, updated_at = now() "
                + "WHERE report_id = ?1")
                .setParameter(1, reportId).setParameter(2, revision).setParameter(3, extractorVersion)
                .executeUpdate();
    }

    /**
     * Serialises rollup writers per slice: a transaction recomputing a slice waits for any other one holding it,
     * so its recomputation sees that one's committed facts.
     */
    public void lockSlice(String city, int year) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, city).setParameter(2, (long) year).getSingleResult();
    }

    /** Replaces the rollups of one (city, year) slice by an aggregation of its reports' current facts. */
    public void recomputeSlice(String city, int year) {
        em.createNativeQuery("DELETE FROM rollup WHERE city = ?1 AND year = ?2")
                .setParameter(1, city).setParameter(2, year).executeUpdate();
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
                .setParameter(1, city).setParameter(2, year)
                .executeUpdate();
    }
}
