package io.fazhi.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads an event from its JSON and checks its {@code schemaVersion}: the one place every consumer does both. An
 * unreadable event or one of a schema newer than the consumer knows is a {@link PoisonMessageException}.
 */
public final class EventDecoder {
    private final ObjectMapper mapper;

    public EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The event, if it is readable and its schema is one this consumer reads ({@code 1..newestKnown}).
     *
     * @param newestKnown the newest schema version of the type that this code reads (its {@code SCHEMA_VERSION})
     */
    public <T> T decode(String json, Class<T> type, int newestKnown) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new PoisonMessageException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonMessageException("a " + type.getSimpleName() + " must be a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
            throw new PoisonMessageException(type.getSimpleName() + " without a valid schemaVersion");
        }
        if (version.asInt() > newestKnown) {
            throw new PoisonMessageException("unsupported " + type.getSimpleName() + " schema version "
                    + version.asInt() + " (this service reads 1 to " + newestKnown + ")");
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (IOException e) {
            throw new PoisonMessageException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
