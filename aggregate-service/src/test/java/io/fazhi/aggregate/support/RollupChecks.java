package io.fazhi.aggregate.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fazhi.infra.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks every test of the incremental rollups ends with: the tables equal what a full recompute from the facts
 * writes (the operator's endpoint), and the rollup cells of some cities equal an aggregation of the facts written
 * here, independently of the service's SQL.
 */
public final class RollupChecks {
    /** Every derived table, in an order that makes the snapshots comparable. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("rollup_contribution", "SELECT * FROM rollup_contribution ORDER BY 1, 2, 3, 4, 5, 6");
        TABLES.put("rollup", "SELECT * FROM rollup ORDER BY 1, 2, 3, 4, 5");
        TABLES.put("rollup_agency", "SELECT * FROM rollup_agency ORDER BY 1, 2, 3, 4, 5, 6");
        TABLES.put("slice_summary", "SELECT * FROM slice_summary ORDER BY 1, 2");
        TABLES.put("slice_agency", "SELECT * FROM slice_agency ORDER BY 1, 2, 3");
        TABLES.put("slice_district", "SELECT * FROM slice_district ORDER BY 1, 2, 3");
    }

    private RollupChecks() {}

    /** The tables as they are, then after a full recompute: equal, table by table. */
    public static void assertIncrementalEqualsRecompute() throws Exception {
        Map<String, List<List<String>>> incremental = snapshot();
        given().header("Authorization", Tokens.operator())
                .post("/api/v1/maintenance/recompute")
                .then()
                .statusCode(200);
        Map<String, List<List<String>>> recomputed = snapshot();
        for (String table : TABLES.keySet()) {
            assertEquals(recomputed.get(table), incremental.get(table), table + ": incremental differs from recompute");
        }
    }

    /**
     * The rollup cells of these cities against an aggregation of their facts in {@code v_metric_fact} (metrics with
     * an indicator, per whole city and per district, sums only where every unit kind adds up).
     */
    public static void assertRollupsEqualFacts(String... cities) throws Exception {
        List<List<String>> rollups = TestEvents.rows("""
                SELECT city, year, district, indicator, unit, observations, reports, agencies,
                       CASE WHEN non_additive = 0 THEN total END, min, max, lower_bounds > 0
                FROM rollup WHERE city = ANY (?::text[]) ORDER BY 1, 2, 3, 4, 5""", (Object) cities);
        List<List<String>> fromFacts = TestEvents.rows("""
                WITH f AS (SELECT city, year, district, indicator, rollup_unit AS unit, value, approx, unit_kind,
                                  report_id, coalesce(agency, report_id) AS ag
                           FROM v_metric_fact WHERE city = ANY (?::text[]) AND indicator IS NOT NULL),
                     d AS (SELECT '' AS d, * FROM f UNION ALL SELECT district, * FROM f WHERE district IS NOT NULL)
                SELECT city, year, d, indicator, unit, count(*), count(DISTINCT report_id), count(DISTINCT ag),
                       CASE WHEN bool_and(unit_kind IN ('count', 'person', 'money')) THEN sum(value) END,
                       min(value), max(value), bool_or(coalesce(approx = 'more_than', false))
                FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5""", (Object) cities);
        assertFalse(rollups.isEmpty(), "no rollups for " + List.of(cities));
        assertEquals(fromFacts, rollups);
        assertEquals(
                TestEvents.count("SELECT count(*) FROM v_report WHERE city = ANY (?::text[])", (Object) cities),
                TestEvents.count(
                        "SELECT coalesce(sum(reports), 0) FROM slice_summary WHERE city = ANY (?::text[])",
                        (Object) cities));
    }

    private static Map<String, List<List<String>>> snapshot() throws Exception {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : TABLES.entrySet()) {
            tables.put(t.getKey(), TestEvents.rows(t.getValue()));
        }
        return tables;
    }
}
