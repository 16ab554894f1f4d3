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
 * database. Its data directory survives a restart unless {@code fresh} is asked for. {@link #stop()} and
 * {@link #start()} again restart it on the same port and data directory, as a database restart looks to its clients.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "fazhi";
    public static final String USER = "fazhi";
    /** Local-only password of the embedded server; production credentials come from a Secret. */
    public static final String PASSWORD = "fazhi-local";

    private final Path dataDir;
    private final int port;
    private final boolean fresh;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDir, int port, boolean fresh) {
        this.dataDir = dataDir;
        this.port = Ports.orFree(port);
        this.fresh = fresh;
    }

    public EmbeddedPostgresServer start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // the data directory is removed by close() when fresh, never by a stop() for a restart
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

    /** Stops the server (open connections are cut), keeping its data directory; {@link #start()} starts it again. */
    public void stop() {
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

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (fresh) {
                Files2.deleteTree(dataDir);
            }
        }
    }
}
