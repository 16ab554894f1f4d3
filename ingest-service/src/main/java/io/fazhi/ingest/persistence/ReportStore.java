package io.fazhi.ingest.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportStatusChanged.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading reports and their revisions, and recording the status the pipeline reports for them. */
@ApplicationScoped
public class ReportStore {
    static final String REVISION_COLUMNS = "v.report_id, v.revision, v.owner, v.uploaded_by, v.content_sha256,"
            + " v.blob_sha256, v.text_chars, v.agency, v.city, v.district, v.year, v.title, v.published, v.source_url,"
            + " v.status, v.status_reason, v.extractor_version, v.sections, v.metrics, v.compliance::text AS compliance,"
            + " v.warnings::text AS warnings, v.withdrawn, v.origin, v.origin_report, v.moved_to, r.merged_into,"
            + " v.received_at, v.updated_at, v.published_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public ReportStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The current revision of a report. */
    public Optional<StoredRevision> current(String reportId) {
        return jdbc.autocommit(
                "reading a report",
                c -> first(
                        c,
                        "SELECT " + REVISION_COLUMNS + " FROM report r JOIN report_revision v"
                                + " ON v.report_id = r.id AND v.revision = r.revision WHERE r.id = ?",
                        reportId));
    }

    /** One revision of a report. */
    public Optional<StoredRevision> revision(String reportId, int revision) {
        return jdbc.autocommit("reading a revision", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + REVISION_COLUMNS
                    + " FROM report_revision v JOIN report r ON r.id = v.report_id"
                    + " WHERE v.report_id = ? AND v.revision = ?")) {
                s.setString(1, reportId);
                s.setInt(2, revision);
                return all(s).stream().findFirst();
            }
        });
    }

    /** Every revision of a report, oldest first. */
    public List<StoredRevision> history(String reportId) {
        return jdbc.autocommit("reading a report's history", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + REVISION_COLUMNS
                    + " FROM report_revision v JOIN report r ON r.id = v.report_id WHERE v.report_id = ?"
                    + " ORDER BY v.revision")) {
                s.setString(1, reportId);
                return all(s);
            }
        });
    }

    /** The bytes a revision was uploaded as (the stored original, else its text as UTF-8). */
    public record Original(String contentType, byte[] bytes) {}

    public Optional<Original> original(String reportId, int revision) {
        return jdbc.autocommit("reading an original upload", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT coalesce(b.content_type, 'text/plain; charset=UTF-8') AS content_type,"
                            + " coalesce(b.bytes, convert_to(v.text, 'UTF8')) AS bytes"
                            + " FROM report_revision v LEFT JOIN upload_blob b ON b.sha256 = v.blob_sha256"
                            + " WHERE v.report_id = ? AND v.revision = ? AND (b.bytes IS NOT NULL OR v.text <> '')")) {
                s.setString(1, reportId);
                s.setInt(2, revision);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Original(rs.getString("content_type"), rs.getBytes("bytes")))
                            : Optional.empty();
                }
            }
        });
    }

    /** A filter of the report list; null fields do not filter. {@code owner}: only that owner's reports. */
    public record ListFilter(String owner, String agency, Integer year, Status status) {}

    public record Page(List<StoredRevision> items, long total) {}

    /** The current revisions of the reports matching the filter, newest first, with the total, in one query. */
    public Page list(ListFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE r.merged_into IS NULL");
        List<Object> params = new ArrayList<>();
        if (filter.owner() != null) {
            where.append(" AND r.owner = ?");
            params.add(filter.owner());
        }
        if (filter.agency() != null) {
            where.append(" AND v.agency = ?");
            params.add(filter.agency());
        }
        if (filter.year() != null) {
            where.append(" AND v.year = ?");
            params.add(filter.year());
        }
        if (filter.status() != null) {
            where.append(" AND v.status = ?");
            params.add(filter.status().name());
        }
        String sql = "SELECT " + REVISION_COLUMNS + ", count(*) OVER () AS total FROM report r JOIN report_revision v"
                + " ON v.report_id = r.id AND v.revision = r.revision" + where
                + " ORDER BY r.received_at DESC, r.id LIMIT ? OFFSET ?";
        return jdbc.autocommit("listing reports", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                for (Object p : params) {
                    s.setObject(i++, p);
                }
                s.setInt(i++, size);
                s.setLong(i, (long) page * size);
                List<StoredRevision> items = new ArrayList<>();
                long total = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(row(rs));
                        total = rs.getLong("total");
                    }
                }
                if (items.isEmpty() && page > 0) {
                    total = count(c, where.toString(), params);
                }
                return new Page(items, total);
            }
        });
    }

    private static long count(Connection c, String where, List<Object> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM report r JOIN report_revision v"
                + " ON v.report_id = r.id AND v.revision = r.revision" + where)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Applies status events to their revisions, in order, in one transaction (one statement each, sent as one JDBC
     * batch): status only moves forward (RECEIVED, EXTRACTED, AGGREGATED, FAILED), and what extraction learnt fills
     * what the upload left open. Both events of a revision in one batch (EXTRACTED, then AGGREGATED) end as the
     * later one.
     *
     * @return for each event, whether its revision changed (false: unknown revision, or a late or repeated event)
     */
    public boolean[] applyStatuses(List<ReportStatusChanged> events) {
        boolean[] changed = new boolean[events.size()];
        if (events.isEmpty()) {
            return changed;
        }
        jdbc.transaction("recording statuses", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE report_revision SET status = ?, status_reason = ?,"
                    + " updated_at = now(), extractor_version = coalesce(?, extractor_version),"
                    + " sections = coalesce(?, sections), metrics = coalesce(?, metrics),"
                    + " agency = coalesce(agency, ?), city = coalesce(city, ?), district = coalesce(district, ?),"
                    + " year = coalesce(year, ?), published = coalesce(published, ?), title = coalesce(title, ?),"
                    + " compliance = coalesce(?::jsonb, compliance), warnings = coalesce(?::jsonb, warnings)"
                    + " WHERE report_id = ? AND revision = ? AND " + rank("status") + " < ?")) {
                for (ReportStatusChanged e : events) {
                    ReportInfo info = e.report();
                    s.setString(1, e.status().name());
                    s.setString(2, e.reason());
                    s.setString(3, e.extractorVersion());
                    Jdbc.setInteger(s, 4, e.sections());
                    Jdbc.setInteger(s, 5, e.sections() == null ? null : e.metrics());
                    s.setString(6, info == null ? null : info.agency());
                    s.setString(7, info == null ? null : info.city());
                    s.setString(8, info == null ? null : info.district());
                    Jdbc.setInteger(s, 9, info == null ? null : info.year());
                    s.setString(10, info == null ? null : info.published());
                    s.setString(11, info == null ? null : info.title());
                    s.setString(12, info == null ? null : write(info.compliance()));
                    s.setString(13, info == null ? null : write(info.warnings()));
                    s.setString(14, e.reportId());
                    s.setInt(15, e.revision());
                    s.setInt(16, e.status().ordinal());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    changed[i] = counts[i] == 1;
                }
            }
            return null;
        });
        return changed;
    }

    /**
     * A message about this report could not be processed: the revision (or, without one, the current revision) is
     * FAILED with the reason.
     */
    public boolean markFailed(String reportId, Integer revision, String reason) {
        return jdbc.autocommit("recording a failure", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE report_revision SET status = 'FAILED',"
                    + " status_reason = ?, updated_at = now() WHERE report_id = ?"
                    + " AND revision = coalesce(?, (SELECT revision FROM report WHERE id = ?))")) {
                s.setString(1, reason);
                s.setString(2, reportId);
                Jdbc.setInteger(s, 3, revision);
                s.setString(4, reportId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The SQL rank of a status column, in the order of {@link Status}. */
    static String rank(String column) {
        return "(CASE " + column
                + " WHEN 'RECEIVED' THEN 0 WHEN 'EXTRACTED' THEN 1 WHEN 'AGGREGATED' THEN 2 ELSE 3 END)";
    }

    private Optional<StoredRevision> first(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            return all(s).stream().findFirst();
        }
    }

    private List<StoredRevision> all(PreparedStatement s) throws SQLException {
        List<StoredRevision> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    StoredRevision row(ResultSet rs) throws SQLException {
        return new StoredRevision(
                rs.getString("report_id"),
                rs.getInt("revision"),
                rs.getString("owner"),
                rs.getString("uploaded_by"),
                rs.getString("content_sha256"),
                rs.getString("blob_sha256"),
                rs.getInt("text_chars"),
                rs.getString("agency"),
                rs.getString("city"),
                rs.getString("district"),
                Jdbc.integer(rs, "year"),
                rs.getString("title"),
                rs.getString("published"),
                rs.getString("source_url"),
                Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("extractor_version"),
                Jdbc.integer(rs, "sections"),
                Jdbc.integer(rs, "metrics"),
                read(rs.getString("compliance"), ReportInfo.Compliance.class),
                readStrings(rs.getString("warnings")),
                rs.getBoolean("withdrawn"),
                rs.getString("origin"),
                rs.getString("origin_report"),
                rs.getString("moved_to"),
                rs.getString("merged_into"),
                Jdbc.instant(rs, "received_at"),
                Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "published_at"));
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + value.getClass(), e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (JsonProcessingException e) {
            return null; // a column this version cannot read shows as unknown, never as an error
        }
    }

    private List<String> readStrings(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
