package io.fazhi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.contracts.Topics;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerConfigTest {
    @TempDir
    Path tmp;

    @Test
    void theLogDirectoryIsFormattedOnceAndKeepsItsClusterId() throws Exception {
        KafkaBrokerConfig config = KafkaBrokerConfig.on(tmp.resolve("kafka"), 0);
        Path file = config.formatOnce();
        String clusterId = clusterId(config);

        config.formatOnce();
        assertEquals(clusterId, clusterId(config), "a second start keeps the data");

        Properties written = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            written.load(r);
        }
        assertEquals(config.properties(), written, "the properties file beside the log is what the broker reads");
    }

    @Test
    void theBrokerAcceptsThePipelinesLargestMessageAndCreatesNoTopicByItself() {
        KafkaBrokerConfig config = KafkaBrokerConfig.on(tmp.resolve("kafka"), 0);
        Properties p = config.properties();
        assertEquals(String.valueOf(Topics.MAX_MESSAGE_BYTES), p.get("message.max.bytes"));
        assertEquals("false", p.get("auto.create.topics.enable"));
        assertTrue(config.port() > 0 && config.controllerPort() > 0);
        assertNotEquals(config.port(), config.controllerPort());
        assertEquals("127.0.0.1:" + config.port(), config.bootstrapServers());
    }

    private static String clusterId(KafkaBrokerConfig config) throws Exception {
        Properties meta = new Properties();
        try (Reader r = Files.newBufferedReader(config.logDir().resolve("meta.properties"))) {
            meta.load(r);
        }
        return meta.getProperty("cluster.id");
    }
}
