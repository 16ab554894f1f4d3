package io.fazhi.deploy.process;

import java.nio.file.Path;

/**
 * Kafka and PostgreSQL as OS processes of their own, each of which can be killed and started again on the same
 * ports and data: the fault soak and the pipeline benchmark.
 */
public final class SeparateProcessBackends implements Backends {
    private final BrokerProcess broker;
    private final PostgresProcess postgres;

    private SeparateProcessBackends(BrokerProcess broker, PostgresProcess postgres) {
        this.broker = broker;
        this.postgres = postgres;
    }

    /** Starts PostgreSQL (durable) and the broker under {@code dataDir} (postgres/, kafka/, logs/). */
    public static SeparateProcessBackends start(Path dataDir, int kafkaPort, int postgresPort, boolean fresh) {
        if (fresh) {
            io.fazhi.infra.DataDirectories.deleteRecursively(dataDir.resolve("kafka"));
        }
        PostgresProcess pg = new PostgresProcess(dataDir.resolve("postgres"), postgresPort, fresh).start();
        try {
            BrokerProcess broker =
                    new BrokerProcess(dataDir.resolve("kafka"), kafkaPort, dataDir.resolve("logs/kafka.log")).start();
            return new SeparateProcessBackends(broker, pg);
        } catch (RuntimeException e) {
            pg.stop();
            throw e;
        }
    }

    public BrokerProcess broker() {
        return broker;
    }

    public PostgresProcess postgres() {
        return postgres;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } finally {
            postgres.stop();
        }
    }
}
