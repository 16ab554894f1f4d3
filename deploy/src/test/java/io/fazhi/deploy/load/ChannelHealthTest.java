package io.fazhi.deploy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelHealthTest {
    @Test
    void aChannelReportedKoAndADownCheckAreDown() {
        String health = """
                {"status":"DOWN","checks":[
                  {"name":"SmallRye Reactive Messaging - readiness check","status":"DOWN",
                   "data":{"sections":"[KO] - The record 551 has waited for 61 seconds","status-out":"[OK]"}},
                  {"name":"Database connections health check","status":"DOWN","data":{"<default>":"DOWN"}},
                  {"name":"Something else","status":"DOWN"}]}""";
        List<String> down = ChannelHealth.down("aggregate-service", health);
        assertEquals(3, down.size(), down.toString());
        assertTrue(down.get(0).startsWith("aggregate-service: sections [KO]"), down.get(0));
        assertTrue(down.get(1).contains("Database connections health check DOWN"), down.get(1));
    }

    @Test
    void everythingUpIsNothingDown() {
        String health = """
                {"status":"UP","checks":[{"name":"SmallRye Reactive Messaging - liveness check","status":"UP",
                 "data":{"reports":"[OK]"}}]}""";
        assertTrue(ChannelHealth.down("extract-service", health).isEmpty());
        assertEquals(List.of("x: unreadable health answer"), ChannelHealth.down("x", "<html>"));
    }
}
