package io.fazhi.ingest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox: every revision whose {@code published_at} is null waits to be published. A relay claims a batch with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances never publish the same rows at once), publishes it, marks what
 * the broker acknowledged and commits; a relay killed at any point leaves its rows unpublished, to be claimed again.
 * Only the earliest unpublished revision of a report is claimed, so a report's revisions reach the broker in order.
 */
@ApplicationScoped
public class OutboxStore {
    /** A revision to publish, with what its ReportSubmitted carries. */
    public record Pending(
            String reportId,
            int revision,
            String agency,
            String city,
            String district,
            Integer year,
            String title,
            String published,
            String sourceUrl,
            String text,
            boolean withdrawn,
            Instant receivedAt) {}

    /** A claimed batch: its rows stay locked until {@link #commit} or {@link #close}. */
    public static final class Batch implements AutoCloseable {
        private final Connection connection;
        private final List<Pending> rows;

        Batch(Connection connection, List<Pending> rows) {
            this.connection = connection;
            this.rows = rows;
        }

        public List<Pending> rows() {
            return rows;
        }

        /** Marks the given revisions published and commits; the others are released for the next claim. */
        public void commit(List<Pending> published) {
            try {
                if (!published.isEmpty()) {
                    try (PreparedStatement s = connection.prepareStatement("UPDATE report_revision SET published_at"
                            + " = now() WHERE (report_id, revision) IN"
                            + " (SELECT * FROM unnest(?::varchar[], ?::int[]))")) {
                        s.setArray(
                                1,
                                connection.createArrayOf(
                                        "varchar",
                                        published.stream()
                                                .map(Pending::reportId)
                                                .toArray()));
                        s.setArray(
                                2,
                                connection.createArrayOf(
                                        "int4",
                                        published.stream()
                                                .map(Pending::revision)
                                                .toArray()));
                        s.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                throw new StorageException("marking revisions published", e);
            }
        }

        @Override
        public void close() {
            try {
                Jdbc.rollbackQuietly(connection);
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException e) {
                // the connection is broken; the pool discards it
            }
        }
    }

    private final Jdbc jdbc;

    public OutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} unpublished revisions, oldest first, holding at most {@code maxBytes} of text
     * (always at least one).
     */
    public Batch claim(int limit, long maxBytes) {
        Connection c = null;
        try {
            c = jdbc.connection();
            c.setAutoCommit(false);
            List<String> ids = new ArrayList<>();
            List<Integer> revisions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.report_id, v.revision, octet_length(v.text)"
                    + " FROM report_revision v WHERE v.published_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
                    + " report_revision e WHERE e.report_id = v.report_id AND e.revision < v.revision"
                    + " AND e.published_at IS NULL) ORDER BY v.received_at LIMIT ? FOR UPDATE OF v SKIP LOCKED")) {
                s.setInt(1, limit);
                long bytes = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        bytes += rs.getLong(3);
                        if (!ids.isEmpty() && bytes > maxBytes) {
                            break;
                        }
                        ids.add(rs.getString(1));
                        revisions.add(rs.getInt(2));
                    }
                }
            }
            List<Pending> rows = ids.isEmpty() ? List.of() : fetch(c, ids, revisions);
            return new Batch(c, rows);
        } catch (SQLException e) {
            if (c != null) {
                new Batch(c, List.of()).close();
            }
            throw new StorageException("claiming unpublished revisions", e);
        }
    }

    private static List<Pending> fetch(Connection c, List<String> ids, List<Integer> revisions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT v.report_id, v.revision, v.agency, v.city, v.district,"
                + " v.year, v.title, v.published, v.source_url, v.text, v.withdrawn, v.received_at"
                + " FROM report_revision v JOIN unnest(?::varchar[], ?::int[]) WITH ORDINALITY AS k(id, rev, n)"
                + " ON v.report_id = k.id AND v.revision = k.rev ORDER BY k.n")) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            s.setArray(2, c.createArrayOf("int4", revisions.toArray()));
            List<Pending> rows = new ArrayList<>(ids.size());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Pending(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            Jdbc.integer(rs, "year"),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getBoolean(11),
                            Jdbc.instant(rs, "received_at")));
                }
            }
            return rows;
        }
    }

    /** How many revisions wait, and the oldest one's age in seconds (0 when none). */
    public record Backlog(long revisions, double oldestSeconds) {}

    public Backlog backlog() {
        return jdbc.autocommit("reading the outbox backlog", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*),"
                            + " coalesce(extract(epoch FROM now() - min(received_at)), 0)"
                            + " FROM report_revision WHERE published_at IS NULL");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getDouble(2));
            }
        });
    }

    /** Reprocessing: how many current revisions were queued again, and how many have no stored text. */
    public record Requeued(int queued, int withoutText) {}

    /**
     * Puts the current revision of every report (or those of one city, one year) back in the outbox, RECEIVED, in one
     * statement; merged reports stay out.
     */
    public Requeued requeue(String city, Integer year) {
        String filter = " FROM report r WHERE v.report_id = r.id AND v.revision = r.revision AND r.merged_into IS NULL"
                + " AND NOT v.withdrawn" + (city == null ? "" : " AND v.city = ?")
                + (year == null ? "" : " AND v.year = ?");
        return jdbc.transaction("queueing reports again", c -> {
            int queued;
            try (PreparedStatement s = c.prepareStatement("UPDATE report_revision v SET published_at = NULL,"
                    + " status = 'RECEIVED', status_reason = NULL, updated_at = now()" + filter
                    + " AND v.text IS NOT NULL")) {
                bind(s, city, year);
                queued = s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("SELECT count(*) FROM report_revision v WHERE EXISTS (SELECT 1" + filter
                            + ") AND v.text IS NULL")) {
                bind(s, city, year);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Requeued(queued, rs.getInt(1));
                }
            }
        });
    }

    private static void bind(PreparedStatement s, String city, Integer year) throws SQLException {
        int i = 1;
        if (city != null) {
            s.setString(i++, city);
        }
        if (year != null) {
            s.setInt(i, year);
        }
    }
}
