package io.fazhi.ingest;

import io.fazhi.infra.EmbeddedPostgresServer;
import io.fazhi.infra.InfraTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the ingest schema directly, to see what was (not) stored. */
final class Db {
    static final List<String> TABLES = List.of("report", "report_revision", "upload_blob", "idempotency_key", "agency");

    private Db() {}

    static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ingest." + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long scalar(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                InfraTestResource.infra().postgres().jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }
}
