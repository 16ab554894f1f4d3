package io.fazhi.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) on loopback, with one application role and
 * database. Its data directory survives a restart unless {@code fresh} is asked for; {@link #close()} and {@link
 * #start()} again (same port, same data) is a database restart under running services.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "fazhi";
    public static final String USER = "fazhi";
    /** Local-only password of the embedded server; production credentials come from a Secret. */
    public static final String PASSWORD = "fazhi-local";

    private final Path dataDir;
    private final int port;
    private boolean fresh;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDir, int port, boolean fresh) {
        this.dataDir = dataDir;
        this.port = Ports.orFree(port);
        this.fresh = fresh;
    }

    public EmbeddedPostgresServer start() {
        try {
            if (fresh) {
                // zonky cleans its directory only when it closes; a fresh start empties it first, once
                Files2.deleteTree(dataDir);
                fresh = false;
            }
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            ensureDatabase();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("starting PostgreSQL failed", e);
        }
    }

    private void ensureDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating the database failed", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }
}
