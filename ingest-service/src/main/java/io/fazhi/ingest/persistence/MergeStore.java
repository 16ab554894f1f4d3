package io.fazhi.ingest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's corrections of report identity, each in one transaction under the reports' row locks: merging one
 * report into another, splitting a revision off a report again, withdrawing a report. Every change is a new revision
 * (in the outbox), so every service sees it in the report's own order.
 */
@ApplicationScoped
public class MergeStore {
    /** Why a correction was refused. */
    public enum Refusal {
        NOT_FOUND,
        MERGED,
        WITHDRAWN,
        MOVED,
        SAME
    }

    /** The store refused the correction; nothing changed. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        Refused(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** The report that was split off: reinstated from a merge, or a new one. */
    public record Split(String reportId, boolean reinstated) {}

    private record Head(int revision, String mergedInto, boolean withdrawn) {}

    private final Jdbc jdbc;

    public MergeStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Merges {@code sourceId} into {@code targetId}: the source's current text becomes the target's next revision, the
     * source gets a withdrawn revision and answers as the target from now on.
     */
    public void merge(String targetId, String sourceId, String by) {
        if (targetId.equals(sourceId)) {
            throw new Refused(Refusal.SAME, "a report cannot be merged into itself");
        }
        jdbc.transaction("merging reports", c -> {
            Map<String, Head> heads = lock(c, List.of(targetId, sourceId), true);
            Head source = heads.get(sourceId);
            if (source.withdrawn()) {
                throw new Refused(Refusal.WITHDRAWN, "report " + sourceId + " is withdrawn; there is nothing to merge");
            }
            int targetRevision = appendCopy(c, targetId, sourceId, source.revision(), "merge", by, true);
            appendWithdrawal(c, sourceId, by, targetId);
            setMovedTo(c, sourceId, source.revision(), targetId);
            try (PreparedStatement s = c.prepareStatement("UPDATE report SET merged_into = ? WHERE merged_into = ?")) {
                s.setString(1, targetId);
                s.setString(2, sourceId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO report_merge (target_id, source_id,"
                    + " target_revision, source_revision, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, now())")) {
                s.setString(1, targetId);
                s.setString(2, sourceId);
                s.setInt(3, targetRevision);
                s.setInt(4, source.revision());
                s.setString(5, by);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes revision {@code revision} out of report {@code reportId}: when a merge brought it, the merged report is
     * reinstated with its text; otherwise its text becomes a new report {@code newReportId}. When it was the current
     * revision, the report gets its previous text back (or is withdrawn when it has none).
     */
    public Split split(String reportId, int revision, String newReportId, String by) {
        return jdbc.transaction("splitting a report", c -> {
            Head head = lock(c, List.of(reportId), true).get(reportId);
            String origin;
            String movedTo;
            boolean withdrawn;
            String sha;
            try (PreparedStatement s = c.prepareStatement("SELECT origin, moved_to, withdrawn, content_sha256"
                    + " FROM report_revision WHERE report_id = ? AND revision = ?")) {
                s.setString(1, reportId);
                s.setInt(2, revision);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refused(Refusal.NOT_FOUND, "report " + reportId + " has no revision " + revision);
                    }
                    origin = rs.getString(1);
                    movedTo = rs.getString(2);
                    withdrawn = rs.getBoolean(3);
                    sha = rs.getString(4);
                }
            }
            if (movedTo != null) {
                throw new Refused(Refusal.MOVED, "revision " + revision + " was split off to report " + movedTo);
            }
            if (withdrawn) {
                throw new Refused(Refusal.WITHDRAWN, "revision " + revision + " is a withdrawal; it has no text");
            }
            Split split = "merge".equals(origin) ? unmerge(c, reportId, revision, by) : null;
            if (split == null) {
                insertReportFrom(c, newReportId, reportId, revision, by);
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE report_content SET report_id = ? WHERE sha256 = ? AND report_id = ?")) {
                    s.setString(1, newReportId);
                    s.setString(2, sha);
                    s.setString(3, reportId);
                    s.executeUpdate();
                }
                split = new Split(newReportId, false);
            }
            setMovedTo(c, reportId, revision, split.reportId());
            if (revision == head.revision()) {
                restorePrevious(c, reportId, revision, by);
            }
            return split;
        });
    }

    /** Withdraws a report from every rollup: a withdrawn revision. A later upload of its agency and year revives it. */
    public void withdraw(String reportId, String by) {
        jdbc.transaction("withdrawing a report", c -> {
            Head head = lock(c, List.of(reportId), true).get(reportId);
            if (head.withdrawn()) {
                throw new Refused(Refusal.WITHDRAWN, "report " + reportId + " is withdrawn already");
            }
            appendWithdrawal(c, reportId, by, null);
            return null;
        });
    }

    /** The merge that brought revision {@code revision} into the report, undone; null when none did. */
    private Split unmerge(Connection c, String targetId, int revision, String by) throws SQLException {
        String sourceId;
        int sourceRevision;
        long mergeId;
        try (PreparedStatement s = c.prepareStatement("SELECT id, source_id, source_revision FROM report_merge"
                + " WHERE target_id = ? AND target_revision = ? AND split_at IS NULL FOR UPDATE")) {
            s.setString(1, targetId);
            s.setInt(2, revision);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                mergeId = rs.getLong(1);
                sourceId = rs.getString(2);
                sourceRevision = rs.getInt(3);
            }
        }
        lock(c, List.of(sourceId), false);
        try (PreparedStatement s = c.prepareStatement("UPDATE report SET merged_into = NULL WHERE id = ?")) {
            s.setString(1, sourceId);
            s.executeUpdate();
        }
        setMovedTo(c, sourceId, sourceRevision, null);
        appendCopy(c, sourceId, sourceId, sourceRevision, "restore", by, false);
        try (PreparedStatement s = c.prepareStatement("UPDATE report_merge SET split_at = now() WHERE id = ?")) {
            s.setLong(1, mergeId);
            s.executeUpdate();
        }
        return new Split(sourceId, true);
    }

    /** After the current revision was split off: the latest earlier text of the report's own, else a withdrawal. */
    private void restorePrevious(Connection c, String reportId, int splitRevision, String by) throws SQLException {
        Integer previous = null;
        try (PreparedStatement s = c.prepareStatement("SELECT max(revision) FROM report_revision WHERE report_id = ?"
                + " AND revision < ? AND moved_to IS NULL AND NOT withdrawn")) {
            s.setString(1, reportId);
            s.setInt(2, splitRevision);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                previous = Jdbc.integer(rs, "max");
            }
        }
        if (previous == null) {
            appendWithdrawal(c, reportId, by, null);
        } else {
            appendCopy(c, reportId, reportId, previous, "restore", by, false);
        }
    }

    /**
     * Locks the reports' rows (in id order: no deadlock with a concurrent correction) and reads their heads.
     *
     * @param unmerged refuse a report that was merged into another
     */
    private static Map<String, Head> lock(Connection c, List<String> ids, boolean unmerged) throws SQLException {
        Map<String, Head> heads = new HashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT r.id, r.revision, r.merged_into, v.withdrawn FROM report r"
                        + " JOIN report_revision v ON v.report_id = r.id AND v.revision = r.revision"
                        + " WHERE r.id = ANY(?::varchar[]) ORDER BY r.id FOR UPDATE OF r")) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), new Head(rs.getInt(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        for (String id : ids) {
            Head h = heads.get(id);
            if (h == null) {
                throw new Refused(Refusal.NOT_FOUND, "no report with id " + id);
            }
            if (unmerged && h.mergedInto() != null) {
                throw new Refused(Refusal.MERGED, "report " + id + " was merged into report " + h.mergedInto());
            }
        }
        return heads;
    }

    /**
     * Appends to {@code targetId} a revision with the text of revision {@code revision} of {@code sourceId}.
     *
     * @param targetIdentity keep the target's agency, city, district and year (a merge) rather than the copied ones
     * @return the new revision's number
     */
    private static int appendCopy(
            Connection c,
            String targetId,
            String sourceId,
            int revision,
            String origin,
            String by,
            boolean targetIdentity)
            throws SQLException {
        String identity = targetIdentity
                ? "coalesce(tv.agency, sv.agency), coalesce(tv.city, sv.city), coalesce(tv.district, sv.district),"
                        + " coalesce(tv.year, sv.year)"
                : "sv.agency, sv.city, sv.district, sv.year";
        try (PreparedStatement s = c.prepareStatement("WITH t AS (UPDATE report SET revision = revision + 1,"
                + " updated_at = now() WHERE id = ? RETURNING id, revision)"
                + " INSERT INTO report_revision (report_id, revision, owner, uploaded_by, content_sha256, blob_sha256,"
                + " text, text_chars, agency, city, district, year, title, published, source_url, status, sketch,"
                + " lsh_bands, origin, origin_report, received_at, updated_at)"
                + " SELECT t.id, t.revision, tv.owner, ?, sv.content_sha256, sv.blob_sha256, sv.text, sv.text_chars, "
                + identity + ", sv.title, sv.published, sv.source_url, 'RECEIVED', sv.sketch, sv.lsh_bands, ?, ?,"
                + " now(), now() FROM t"
                + " JOIN report tr ON tr.id = t.id"
                + " JOIN report_revision tv ON tv.report_id = tr.id AND tv.revision = tr.revision"
                + " JOIN report_revision sv ON sv.report_id = ? AND sv.revision = ?"
                + " RETURNING revision")) {
            s.setString(1, targetId);
            s.setString(2, by);
            s.setString(3, origin);
            s.setString(4, sourceId.equals(targetId) ? null : sourceId);
            s.setString(5, sourceId);
            s.setInt(6, revision);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Appends a withdrawn revision (no text) and, for a merge, points the report at the one it went into. */
    private static void appendWithdrawal(Connection c, String reportId, String by, String mergedInto)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("WITH t AS (UPDATE report SET revision = revision + 1,"
                + " updated_at = now(), merged_into = ? WHERE id = ? RETURNING id, revision)"
                + " INSERT INTO report_revision (report_id, revision, owner, uploaded_by, content_sha256, text,"
                + " text_chars, agency, city, district, year, title, published, source_url, status, withdrawn, origin,"
                + " origin_report, received_at, updated_at)"
                + " SELECT t.id, t.revision, tv.owner, ?, tv.content_sha256, '', 0, tv.agency, tv.city, tv.district,"
                + " tv.year, tv.title, tv.published, tv.source_url, 'RECEIVED', true, 'withdraw', ?, now(), now()"
                + " FROM t JOIN report tr ON tr.id = t.id"
                + " JOIN report_revision tv ON tv.report_id = tr.id AND tv.revision = tr.revision")) {
            s.setString(1, mergedInto);
            s.setString(2, reportId);
            s.setString(3, by);
            s.setString(4, mergedInto);
            s.executeUpdate();
        }
    }

    /** A new report whose first revision is the text of revision {@code revision} of {@code fromId}. */
    private static void insertReportFrom(Connection c, String newId, String fromId, int revision, String by)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("WITH n AS (INSERT INTO report (id, revision, owner,"
                + " received_at, updated_at) SELECT ?, 1, owner, now(), now() FROM report_revision"
                + " WHERE report_id = ? AND revision = ? RETURNING id, revision)"
                + " INSERT INTO report_revision (report_id, revision, owner, uploaded_by, content_sha256, blob_sha256,"
                + " text, text_chars, agency, city, district, year, title, published, source_url, status, sketch,"
                + " lsh_bands, origin, origin_report, received_at, updated_at)"
                + " SELECT n.id, 1, sv.owner, ?, sv.content_sha256, sv.blob_sha256, sv.text, sv.text_chars, sv.agency,"
                + " sv.city, sv.district, sv.year, sv.title, sv.published, sv.source_url, 'RECEIVED', sv.sketch,"
                + " sv.lsh_bands, 'split', ?, now(), now() FROM n"
                + " JOIN report_revision sv ON sv.report_id = ? AND sv.revision = ?")) {
            s.setString(1, newId);
            s.setString(2, fromId);
            s.setInt(3, revision);
            s.setString(4, by);
            s.setString(5, fromId);
            s.setString(6, fromId);
            s.setInt(7, revision);
            s.executeUpdate();
        }
    }

    private static void setMovedTo(Connection c, String reportId, int revision, String movedTo) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE report_revision SET moved_to = ? WHERE report_id = ? AND revision = ?")) {
            s.setString(1, movedTo);
            s.setString(2, reportId);
            s.setInt(3, revision);
            s.executeUpdate();
        }
    }
}
