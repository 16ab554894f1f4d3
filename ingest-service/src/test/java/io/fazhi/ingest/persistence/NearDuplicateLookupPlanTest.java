package io.fazhi.ingest.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.domain.identity.SimilaritySketch;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate lookup of every upload reads only the candidates of its band keys, however many reports are
 * stored: with 3,000 more reports (in a transaction rolled back afterwards), PostgreSQL's plan probes the b-tree of
 * band keys and resolves each candidate by primary key, never scanning {@code report_revision}, {@code report} or the
 * band keys. With a GIN index over the revisions' band keys (before V4) the planner, estimating an overlap of 32
 * nearly unique keys at 15% of the rows, chose a sequential scan that compared the upload's keys with every
 * revision's: 33 ms per upload at 4,000 reports under the pipeline benchmark, growing with each report. Only the
 * revisions sharing enough of the keys to be the same report are candidates.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class NearDuplicateLookupPlanTest {
    private static final int STORED = 3_000;

    @Test
    void theLookupProbesTheBandIndexAndResolvesCandidatesByKey() throws Exception {
        String agency = Samples.unique("江门市计划局");
        String id = given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", Samples.report(agency, 2019), "agency", agency, "city", "江门市", "year", 2019))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path = ingest");
                // copies of the uploaded report, each with band keys of its own, whatever columns the tables have
                s.execute("INSERT INTO report SELECT (jsonb_populate_record(r, jsonb_build_object('id', 'plan-' || g,"
                        + " 'agency_key', 'plan|' || g, 'series_key', NULL))).* FROM report r,"
                        + " generate_series(1, " + STORED + ") g WHERE r.id = '" + id + "'");
                s.execute("INSERT INTO report_revision SELECT (jsonb_populate_record(v, jsonb_build_object("
                        + "'report_id', 'plan-' || g, 'lsh_bands', (SELECT to_jsonb(array_agg((random() * 9e18)::bigint))"
                        + " FROM generate_series(1, 32) WHERE g > 0)))).* FROM report_revision v,"
                        + " generate_series(1, " + STORED + ") g WHERE v.report_id = '" + id + "' AND v.revision = 1");
                s.execute("ANALYZE report");
                s.execute("ANALYZE report_revision");
                s.execute("ANALYZE revision_band");
            }
            StringBuilder plan = new StringBuilder();
            Long[] keys;
            try (Statement s = c.createStatement();
                    ResultSet bands =
                            s.executeQuery("SELECT lsh_bands FROM report_revision WHERE report_id = '" + id + "'")) {
                assertTrue(bands.next(), "the upload has band keys");
                keys = (Long[]) bands.getArray(1).getArray();
            }
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + UploadStore.NEAR_DUPLICATES)) {
                explain.setArray(1, c.createArrayOf("bigint", keys));
                explain.setInt(2, SimilaritySketch.MIN_SHARED_BANDS);
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                // a text sharing the fewest band keys a near duplicate can is a candidate; one key fewer is not
                int keep = SimilaritySketch.MIN_SHARED_BANDS;
                List<String> enough = candidates(c, withOthersReplaced(keys, keep));
                assertTrue(enough.contains(id), keep + " keys shared: " + enough);
                List<String> fewer = candidates(c, withOthersReplaced(keys, keep - 1));
                assertFalse(fewer.contains(id), (keep - 1) + " keys shared: " + fewer);
            } finally {
                c.rollback();
            }
            String p = plan.toString();
            assertTrue(p.contains("revision_band_key_idx"), "the band keys are probed in their index:\n" + p);
            assertFalse(p.contains("Seq Scan on revision_band"), "only the upload's keys are read:\n" + p);
            assertFalse(p.contains("Seq Scan on report_revision"), "no revision is read beyond the candidates:\n" + p);
            assertFalse(p.contains("Seq Scan on report "), "candidates are resolved by primary key:\n" + p);
            assertFalse(p.contains("Hash Join"), "no join reads a whole table:\n" + p);
        }
    }

    /** The reports the lookup returns for these band keys. */
    private static List<String> candidates(Connection c, Long[] keys) throws Exception {
        try (PreparedStatement q = c.prepareStatement(UploadStore.NEAR_DUPLICATES)) {
            q.setArray(1, c.createArrayOf("bigint", keys));
            q.setInt(2, SimilaritySketch.MIN_SHARED_BANDS);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** The first {@code keep} keys, the others replaced by keys no text has. */
    private static Long[] withOthersReplaced(Long[] keys, int keep) {
        Long[] out = keys.clone();
        for (int i = keep; i < out.length; i++) {
            out[i] = -1L - i;
        }
        return out;
    }
}
