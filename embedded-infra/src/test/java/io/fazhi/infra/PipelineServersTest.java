package io.fazhi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's data handling on real servers: data survives a restart, and {@code fresh} starts over on a data
 * directory that already holds a PostgreSQL cluster and a Kafka log (what {@code deploy/local/up --fresh} does).
 */
class PipelineServersTest {
    @TempDir
    Path data;

    @Test
    void dataSurvivesARestartAndFreshStartsOverOnExistingData() throws Exception {
        try (PipelineServers servers = PipelineServers.start(data, 0, 0, true)) {
            execute(servers, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
            createTopic(servers, "kept.v1");
        }
        assertTrue(Files.exists(data.resolve("postgres/PG_VERSION")), "a cluster on disk");
        assertTrue(Files.exists(data.resolve("kafka/meta.properties")), "a formatted Kafka log");

        try (PipelineServers servers = PipelineServers.start(data, 0, 0, false)) {
            assertEquals(42, count(servers, "SELECT v FROM kept"), "the row survived the restart");
            assertTrue(topics(servers).contains("kept.v1"), "the topic survived the restart");
        }

        try (PipelineServers servers = PipelineServers.start(data, 0, 0, true)) {
            assertEquals(
                    0,
                    count(servers, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'"),
                    "a new, empty cluster");
            Set<String> topics = topics(servers);
            assertFalse(topics.contains("kept.v1"), "a new, empty log");
            assertTrue(
                    topics.containsAll(
                            Topics.ALL.stream().map(Topics.TopicSpec::name).toList()),
                    "the pipeline's topics exist again: " + topics);
        }
    }

    @Test
    void aDurableServerCommitsWithFsync() throws Exception {
        try (EmbeddedPostgresServer pg = new EmbeddedPostgresServer(data.resolve("pg"), 0, true)
                .durable()
                .start()) {
            try (Connection c = connect(pg.jdbcUrl());
                    Statement s = c.createStatement()) {
                assertEquals("on", show(s, "fsync"));
                assertEquals("on", show(s, "synchronous_commit"));
            }
            assertTrue(pg.postmasterPid().isPresent(), "postmaster.pid names the server process");
            assertTrue(ProcessHandle.of(pg.postmasterPid().getAsLong()).isPresent());
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    private static void execute(PipelineServers servers, String sql) throws Exception {
        try (Connection c = connect(servers.postgres().jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(PipelineServers servers, String sql) throws Exception {
        try (Connection c = connect(servers.postgres().jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static void createTopic(PipelineServers servers, String name) throws Exception {
        try (Admin admin = admin(servers)) {
            admin.createTopics(Set.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topics(PipelineServers servers) throws Exception {
        try (Admin admin = admin(servers)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(PipelineServers servers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka().bootstrapServers()));
    }
}
