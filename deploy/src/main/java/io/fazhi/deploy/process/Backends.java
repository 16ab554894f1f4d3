package io.fazhi.deploy.process;

/** Kafka and PostgreSQL as the services of a stack reach them. */
public interface Backends extends AutoCloseable {
    String bootstrapServers();

    String jdbcUrl();

    /** Stops both; data stays on disk. */
    @Override
    void close();
}
