package io.fazhi.infra;

import io.fazhi.contracts.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka and PostgreSQL together, as the pipeline needs them: started once, topics created, closed in reverse.
 * Used by the Quarkus test resource and by the local run.
 */
public final class PipelineServers implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;

    private PipelineServers(EmbeddedKafka kafka, EmbeddedPostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * @param dataDir   holds kafka/ and postgres/
     * @param kafkaPort 0 for a free port
     * @param pgPort    0 for a free port, -1 for no PostgreSQL
     * @param fresh     start from empty data
     */
    public static PipelineServers start(Path dataDir, int kafkaPort, int pgPort, boolean fresh) {
        if (fresh) {
            DataDirectories.deleteRecursively(dataDir.resolve("kafka"));
        }
        EmbeddedPostgresServer pg = null;
        EmbeddedKafka kafka = null;
        try {
            if (pgPort >= 0) {
                pg = new EmbeddedPostgresServer(dataDir.resolve("postgres"), pgPort, fresh).start();
            }
            kafka = new EmbeddedKafka(dataDir.resolve("kafka"), kafkaPort).start();
            kafka.createTopics(Topics.ALL);
            return new PipelineServers(kafka, pg);
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            if (pg != null) {
                pg.close();
            }
            throw e;
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The configuration a service needs to reach these servers, as Quarkus property names. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (postgres != null) {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        }
        return config;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
