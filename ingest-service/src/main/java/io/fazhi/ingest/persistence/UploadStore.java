package io.fazhi.ingest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two statements of an upload: one lookup of everything that may already be this report (one round trip of
 * five queries), and one insert of the new report or revision with its content key, Idempotency-Key and original
 * (one statement, committed by itself). A concurrent upload of the same text, key or identity makes the insert fail
 * on a unique key ({@link StorageException#uniqueViolation()}); the caller looks up again and finds the winner.
 */
@ApplicationScoped
public class UploadStore {
    /** A report as the identity decision needs it, after following a merge to the report it went into. */
    public record Match(
            String reportId,
            int revision,
            String owner,
            String agencyKey,
            Integer year,
            String agency,
            String city,
            String district) {}

    /** A report holding a text that shares enough LSH band keys with the upload to be the same report. */
    public record NearMatch(Match report, byte[] sketch) {}

    /** A registered agency. */
    public record RegisteredAgency(String name, String city, String district, String agencyKey) {}

    /**
     * What to look up.
     *
     * @param agencyNames the names the uploader's agency may be registered under (exact names and aliases)
     * @param agencyKey the agency's key when the registry does not know it, else null
     * @param scope the Idempotency-Key's scope, and {@code key} the key (null: none)
     * @param bandsShared how many of the band keys a near duplicate shares at least
     */
    public record Lookup(
            List<String> agencyNames,
            String agencyKey,
            Integer year,
            String scope,
            String key,
            String sha256,
            long[] bandKeys,
            int bandsShared) {}

    /** Everything found; null or empty where nothing was. */
    public record Found(
            RegisteredAgency agency,
            String keyFingerprint,
            Match keyReport,
            Match exact,
            Match sameIdentity,
            List<NearMatch> near) {}

    /** The resolved report's columns: a report merged into another answers as that other report. */
    private static final String MATCH =
            "r.id, r.revision, r.owner, r.agency_key, r.year, cv.agency, cv.city, cv.district";

    private static final String RESOLVE = " JOIN report r ON r.id = coalesce(r0.merged_into, r0.id)"
            + " JOIN report_revision cv ON cv.report_id = r.id AND cv.revision = r.revision";

    /** The registry entry of the first of the names, by exact name before alias. */
    private static final String REGISTRY = "SELECT a.name, a.city, a.district, a.agency_key FROM agency a"
            + " WHERE a.name = ANY(?::text[])"
            + " OR a.name IN (SELECT l.agency FROM agency_alias l WHERE l.alias = ANY(?::text[]))"
            + " ORDER BY (a.name = ANY(?::text[])) DESC, a.name LIMIT 1";

    /**
     * The near-duplicate candidates of an upload's band keys: the revisions sharing at least
     * {@link Lookup#bandsShared()} of them (the sketch's rule: fewer cannot be the same report), one probe of the b-tree of
     * band keys ({@code revision_band}) per key, then each one resolved by primary key (OFFSET 0 keeps each lateral
     * subquery a nested loop, so no plan reads a whole table). Its cost is proportional to the candidates, not to the reports stored
     * ({@code NearDuplicateLookupPlanTest}).
     */
    static final String NEAR_DUPLICATES = "SELECT DISTINCT ON (m.id) m.*, v.sketch"
            + " FROM (SELECT b.report_id, b.revision FROM (SELECT DISTINCT band FROM unnest(?::bigint[]) AS u (band)) q"
            + " CROSS JOIN LATERAL (SELECT report_id, revision FROM revision_band WHERE band = q.band OFFSET 0) b"
            + " GROUP BY b.report_id, b.revision HAVING count(*) >= ?::int) k"
            + " JOIN report_revision v ON v.report_id = k.report_id AND v.revision = k.revision"
            + " CROSS JOIN LATERAL (SELECT " + MATCH + " FROM report r0" + RESOLVE
            + " WHERE r0.id = coalesce(v.moved_to, v.report_id) OFFSET 0) m"
            + " WHERE v.sketch IS NOT NULL ORDER BY m.id, v.revision DESC LIMIT 50";

    private static final String LOOKUP = REGISTRY + ";\n"
            + "SELECT k.fingerprint, " + MATCH + " FROM idempotency_key k JOIN report r0 ON r0.id = k.report_id"
            + RESOLVE + " WHERE k.caller = ?::text AND k.key = ?::text;\n"
            + "SELECT " + MATCH + " FROM report_content c JOIN report r0 ON r0.id = c.report_id" + RESOLVE
            + " WHERE c.sha256 = ?::bpchar;\n"
            + "SELECT " + MATCH + " FROM report r0" + RESOLVE
            + " WHERE r0.year = ?::int AND r0.agency_key = coalesce((SELECT reg.agency_key FROM (" + REGISTRY
            + ") reg), ?::text);\n"
            + NEAR_DUPLICATES;

    private final Jdbc jdbc;

    public UploadStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Looks everything up in one round trip. */
    public Found lookup(Lookup q) {
        return jdbc.autocommit("looking up an upload", c -> {
            try (PreparedStatement s = c.prepareStatement(LOOKUP)) {
                java.sql.Array names = Jdbc.textArray(c, q.agencyNames());
                int i = 1;
                s.setArray(i++, names);
                s.setArray(i++, names);
                s.setArray(i++, names);
                s.setString(i++, q.scope());
                s.setString(i++, q.key());
                s.setString(i++, q.sha256());
                Jdbc.setInteger(s, i++, q.year());
                s.setArray(i++, names);
                s.setArray(i++, names);
                s.setArray(i++, names);
                s.setString(i++, q.agencyKey());
                s.setArray(i++, Jdbc.bigintArray(c, q.bandKeys() == null ? new long[0] : q.bandKeys()));
                s.setInt(i, q.bandsShared());
                s.execute();
                RegisteredAgency agency = null;
                try (ResultSet rs = s.getResultSet()) {
                    if (rs.next()) {
                        agency = new RegisteredAgency(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    }
                }
                String fingerprint = null;
                Match keyReport = null;
                next(s);
                try (ResultSet rs = s.getResultSet()) {
                    if (rs.next()) {
                        fingerprint = rs.getString(1);
                        keyReport = match(rs, 2);
                    }
                }
                next(s);
                Match exact = single(s);
                next(s);
                Match identity = single(s);
                next(s);
                List<NearMatch> near = new ArrayList<>();
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        near.add(new NearMatch(match(rs, 1), rs.getBytes(9)));
                    }
                }
                return new Found(agency, fingerprint, keyReport, exact, identity, near);
            }
        });
    }

    private static void next(PreparedStatement s) throws SQLException {
        if (!s.getMoreResults()) {
            throw new SQLException("the upload lookup returned fewer results than it has queries");
        }
    }

    private static Match single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.getResultSet()) {
            return rs.next() ? match(rs, 1) : null;
        }
    }

    private static Match match(ResultSet rs, int from) throws SQLException {
        int year = rs.getInt(from + 4);
        return new Match(
                rs.getString(from),
                rs.getInt(from + 1),
                rs.getString(from + 2),
                rs.getString(from + 3),
                rs.wasNull() ? null : year,
                rs.getString(from + 5),
                rs.getString(from + 6),
                rs.getString(from + 7));
    }

    /**
     * A revision to insert.
     *
     * @param blob the original upload when it differs from the text, else null
     * @param key the Idempotency-Key to record with it (scope, key, fingerprint), else null
     */
    public record NewRevision(
            String owner,
            String uploadedBy,
            String text,
            String sha256,
            byte[] sketch,
            long[] bandKeys,
            String agency,
            String city,
            String district,
            Integer year,
            String title,
            String published,
            String sourceUrl,
            Blob blob,
            KeyUse key,
            Instant at) {}

    public record Blob(String sha256, String contentType, byte[] bytes) {}

    public record KeyUse(String scope, String key, String fingerprint) {}

    /** Inserts a new report with its first revision; the identity must be free. */
    public void insertReport(String reportId, String agencyKey, Integer year, NewRevision v) {
        String sql = blobCte(v) + (v.blob() == null ? "WITH " : ", ")
                + "r AS (INSERT INTO report (id, revision, owner, agency_key, year, received_at, updated_at)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id, revision)" + tail(v);
        jdbc.autocommit("storing a new report", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = bindBlob(s, 1, v);
                s.setString(i++, reportId);
                s.setString(i++, v.owner());
                s.setString(i++, agencyKey);
                Jdbc.setInteger(s, i++, year);
                Jdbc.setInstant(s, i++, v.at());
                Jdbc.setInstant(s, i++, v.at());
                bindTail(c, s, i, v);
                s.executeUpdate();
                return null;
            }
        });
    }

    /**
     * Inserts the next revision of a report (its number taken under the report row's lock); an upload of an
     * agency makes an anonymous backfill its own.
     *
     * @return the new revision's number
     */
    public int insertRevision(String reportId, NewRevision v) {
        String sql = blobCte(v) + (v.blob() == null ? "WITH " : ", ")
                + "r AS (UPDATE report SET revision = revision + 1, updated_at = ?,"
                + " owner = CASE WHEN owner = '' THEN ? ELSE owner END WHERE id = ? RETURNING id, revision)"
                + tail(v) + " RETURNING revision";
        return jdbc.autocommit("storing a revision", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = bindBlob(s, 1, v);
                Jdbc.setInstant(s, i++, v.at());
                s.setString(i++, v.owner());
                s.setString(i++, reportId);
                bindTail(c, s, i, v);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("report " + reportId + " vanished", "02000");
                    }
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Records an Idempotency-Key for an upload that found its report; false when a concurrent request took it. */
    public boolean recordKey(KeyUse key, String reportId, int revision) {
        return jdbc.autocommit("recording an Idempotency-Key", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotency_key (caller, key, fingerprint,"
                    + " report_id, revision, created_at) VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                s.setString(1, key.scope());
                s.setString(2, key.key());
                s.setString(3, key.fingerprint());
                s.setString(4, reportId);
                s.setInt(5, revision);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static String blobCte(NewRevision v) {
        return v.blob() == null
                ? ""
                : "WITH b AS (INSERT INTO upload_blob (sha256, content_type, size, bytes, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING)";
    }

    private static int bindBlob(PreparedStatement s, int i, NewRevision v) throws SQLException {
        if (v.blob() == null) {
            return i;
        }
        s.setString(i++, v.blob().sha256());
        s.setString(i++, v.blob().contentType());
        s.setLong(i++, v.blob().bytes().length);
        s.setBytes(i++, v.blob().bytes());
        Jdbc.setInstant(s, i++, v.at());
        return i;
    }

    /** The content key, the Idempotency-Key and the revision, all from the report row {@code r}. */
    private static String tail(NewRevision v) {
        return ", c AS (INSERT INTO report_content (sha256, report_id) SELECT ?::text, id FROM r)"
                + (v.key() == null
                        ? ""
                        : ", k AS (INSERT INTO idempotency_key (caller, key, fingerprint, report_id, revision,"
                                + " created_at) SELECT ?::text, ?::text, ?::text, id, revision, ?::timestamptz FROM r)")
                + " INSERT INTO report_revision (report_id, revision, owner, uploaded_by, content_sha256, blob_sha256,"
                + " text, text_chars, agency, city, district, year, title, published, source_url, status, sketch,"
                + " lsh_bands, received_at, updated_at)"
                + " SELECT id, revision, ?::text, ?::text, ?::text, ?::text, ?::text, ?::int, ?::text, ?::text, ?::text,"
                + " ?::int, ?::text, ?::text, ?::text, 'RECEIVED', ?::bytea, ?::bigint[], ?::timestamptz,"
                + " ?::timestamptz FROM r";
    }

    private static void bindTail(Connection c, PreparedStatement s, int i, NewRevision v) throws SQLException {
        s.setString(i++, v.sha256());
        if (v.key() != null) {
            s.setString(i++, v.key().scope());
            s.setString(i++, v.key().key());
            s.setString(i++, v.key().fingerprint());
            Jdbc.setInstant(s, i++, v.at());
        }
        s.setString(i++, v.owner());
        s.setString(i++, v.uploadedBy());
        s.setString(i++, v.sha256());
        s.setString(i++, v.blob() == null ? null : v.blob().sha256());
        s.setString(i++, v.text());
        s.setInt(i++, v.text().length());
        s.setString(i++, v.agency());
        s.setString(i++, v.city());
        s.setString(i++, v.district());
        Jdbc.setInteger(s, i++, v.year());
        s.setString(i++, v.title());
        s.setString(i++, v.published());
        s.setString(i++, v.sourceUrl());
        if (v.sketch() == null) {
            s.setNull(i++, Types.BINARY);
            s.setNull(i++, Types.VARCHAR);
        } else {
            s.setBytes(i++, v.sketch());
            s.setArray(i++, Jdbc.bigintArray(c, v.bandKeys()));
        }
        Jdbc.setInstant(s, i++, v.at());
        Jdbc.setInstant(s, i, v.at());
    }
}
