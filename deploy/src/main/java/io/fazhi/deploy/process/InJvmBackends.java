package io.fazhi.deploy.process;

import io.fazhi.infra.PipelineServers;
import java.nio.file.Path;

/**
 * Kafka and PostgreSQL started from embedded-infra inside this JVM (PostgreSQL is still its own OS process, run by
 * zonky): the local run and the end-to-end tests, where nothing needs to be killed.
 */
public final class InJvmBackends implements Backends {
    private final PipelineServers servers;

    private InJvmBackends(PipelineServers servers) {
        this.servers = servers;
    }

    public static InJvmBackends start(Path dataDir, int kafkaPort, int postgresPort, boolean fresh) {
        return new InJvmBackends(PipelineServers.start(dataDir, kafkaPort, postgresPort, fresh));
    }

    @Override
    public String bootstrapServers() {
        return servers.kafka().bootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return servers.postgres().jdbcUrl();
    }

    @Override
    public void close() {
        servers.close();
    }
}
