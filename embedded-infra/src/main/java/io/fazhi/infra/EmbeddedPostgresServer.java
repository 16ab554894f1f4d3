package io.fazhi.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) on loopback, with one application role and
 * database. Its data directory survives a restart; {@code fresh} empties it first, so a cluster that already
 * exists is replaced by a new one (zonky itself would run initdb into the non-empty directory and fail).
 *
 * <p>Zonky runs PostgreSQL without fsync and with asynchronous commits, which suits tests. {@link #durable()}
 * turns both back on, as in production, for benchmarks and fault runs that must measure or survive real commits, and
 * sizes the server as the prod overlay of deploy/k8s does.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "fazhi";
    public static final String USER = "fazhi";
    /** Local-only password of the embedded server; production credentials come from a Secret. */
    public static final String PASSWORD = "fazhi-local";

    private final Path dataDir;
    private final int port;
    private boolean fresh;
    private boolean durable;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDir, int port, boolean fresh) {
        this.dataDir = dataDir;
        this.port = FreePorts.orFree(port);
        this.fresh = fresh;
    }

    /**
     * Commits as production does (fsync on, synchronous commit, full page writes) on a server sized as production's
     * (deploy/k8s/overlays/prod: shared_buffers 1GB, max_wal_size 4GB). With the defaults (128MB, 1GB) a sustained
     * load checkpointed every 40 s: each checkpoint makes the next change of every page log the whole page, which
     * was 40% of the WAL, and the backends wrote out most evicted pages themselves. Call before {@link #start()}.
     */
    public EmbeddedPostgresServer durable() {
        this.durable = true;
        return this;
    }

    /**
     * Starts the server on the data directory: a new cluster when the directory holds none or {@code fresh} was
     * asked for (on the first start only), else the existing one (after a crash PostgreSQL recovers it from its
     * WAL). Stopped with {@link #close()}, it can be started again on the same port and data.
     */
    public EmbeddedPostgresServer start() {
        if (fresh) {
            DataDirectories.deleteRecursively(dataDir);
            fresh = false; // once: a later start() after close() restarts the same cluster
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // never let zonky delete or re-initialise the directory: fresh data is handled above
                    .setCleanDataDirectory(false)
                    // a new cluster compares text as production's does (CloudNativePG's initdb: locale C): byte order,
                    // which for UTF-8 is code point order, without the C library's collation (initdb would otherwise
                    // take the machine's locale, C.UTF-8 here, and every b-tree key and sort would go through strcoll)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (durable) {
                // zonky passes -F (fsync off) and synchronous_commit=off; later settings override both
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("shared_buffers", "1GB")
                        .setServerConfig("max_wal_size", "4GB");
            }
            postgres = builder.start();
            ensureDatabase();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("starting PostgreSQL in " + dataDir + " failed", e);
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

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The process id of the running postmaster (first line of {@code postmaster.pid}), if one runs. */
    public OptionalLong postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() || lines.get(0).isBlank()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // being written or removed right now
        }
    }

    /** Stops the server (a fast shutdown); the data directory stays. */
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
