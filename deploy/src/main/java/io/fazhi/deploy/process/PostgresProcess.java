package io.fazhi.deploy.process;

import io.fazhi.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The PostgreSQL server of a fault run or a benchmark: zonky's binaries, started through embedded-infra on a fixed
 * port and data directory, with production durability (fsync on, synchronous commit). The postmaster is an OS
 * process of its own, controlled as {@code pg_ctl} would: {@link #stopImmediately()} is {@code pg_ctl stop -m
 * immediate} (SIGQUIT: every backend exits at once, no checkpoint; the next start recovers from the WAL).
 */
public final class PostgresProcess {
    private final Path dataDir;
    private final int port;
    private boolean freshOnNextStart;
    private EmbeddedPostgresServer server;

    public PostgresProcess(Path dataDir, int port, boolean fresh) {
        this.dataDir = dataDir;
        this.port = io.fazhi.infra.FreePorts.orFree(port);
        this.freshOnNextStart = fresh;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedPostgresServer.DATABASE;
    }

    public PostgresProcess start() {
        server = new EmbeddedPostgresServer(dataDir, port, freshOnNextStart)
                .durable()
                .start();
        freshOnNextStart = false;
        return this;
    }

    /** The postmaster's process id, while it runs; its backends are its children. */
    public OptionalLong pid() {
        return server == null ? OptionalLong.empty() : server.postmasterPid();
    }

    /** {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, then wait until it has gone. */
    public void stopImmediately() {
        OptionalLong pid = pid();
        if (pid.isPresent()) {
            signal("QUIT", pid.getAsLong());
            Instant deadline = Instant.now().plusSeconds(30);
            while (ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    signal("KILL", pid.getAsLong());
                    break;
                }
                pause(Duration.ofMillis(50));
            }
        }
        if (server != null) {
            try {
                server.close(); // releases zonky's lock on the data directory; pg_ctl finds nothing to stop
            } catch (RuntimeException e) {
                // already stopped
            }
            server = null;
        }
    }

    /** A fast, clean shutdown. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
