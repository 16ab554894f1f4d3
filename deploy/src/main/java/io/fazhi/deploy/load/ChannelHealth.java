package io.fazhi.deploy.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.deploy.LocalStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the services' health endpoints say is down: each Kafka channel that SmallRye reports {@code [KO]} and each
 * other check that is DOWN (the database), by service.
 */
public final class ChannelHealth {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChannelHealth() {}

    /** "service: check or channel: why" for everything down; empty when all is up. */
    public static List<String> down(LocalStack stack) {
        List<String> down = new ArrayList<>();
        for (LocalStack.Service s : LocalStack.Service.values()) {
            LocalStack.Health h = stack.health(s, "");
            if (h.statusCode() == 0) {
                down.add(s.dir() + ": not answering");
                continue;
            }
            down.addAll(down(s.dir(), h.body()));
        }
        return down;
    }

    /** The checks and channels a health answer reports down. */
    static List<String> down(String service, String healthJson) {
        List<String> down = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(healthJson);
        } catch (IOException e) {
            return List.of(service + ": unreadable health answer");
        }
        for (JsonNode check : root.path("checks")) {
            boolean checkDown = "DOWN".equals(check.path("status").asText());
            boolean named = false;
            for (Map.Entry<String, JsonNode> e : check.path("data").properties()) {
                if (e.getValue().asText().startsWith("[KO]")) {
                    down.add(service + ": " + e.getKey() + " " + e.getValue().asText());
                    named = true;
                }
            }
            if (checkDown && !named) {
                down.add(service + ": " + check.path("name").asText() + " DOWN");
            }
        }
        return down;
    }
}
