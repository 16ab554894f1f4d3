package io.fazhi.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads an event from its JSON and checks its {@code schemaVersion}: the one place every consumer does both. An
 * unreadable event or one of a schema newer than the consumer knows is a {@link PoisonMessageException}.
 */
public final class EventDecoder {
    private static final String SCHEMA_VERSION = "schemaVersion";

    private final ObjectMapper mapper;

    public EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The event, if it is readable and its schema is one this consumer reads ({@code 1..newestKnown}). The version
     * is read first, by a streaming look at the top-level fields ({@code schemaVersion} leads every event, so it is
     * found at once), and the event is then bound in one pass: no tree of the whole event is built.
     *
     * @param newestKnown the newest schema version of the type that this code reads (its {@code SCHEMA_VERSION})
     */
    public <T> T decode(String json, Class<T> type, int newestKnown) {
        int version = schemaVersion(json, type);
        if (version > newestKnown) {
            throw new PoisonMessageException("unsupported " + type.getSimpleName() + " schema version " + version
                    + " (this service reads 1 to " + newestKnown + ")");
        }
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new PoisonMessageException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The top-level {@code schemaVersion} of the event, a whole number from 1. */
    private int schemaVersion(String json, Class<?> type) {
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PoisonMessageException("a " + type.getSimpleName() + " must be a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (SCHEMA_VERSION.equals(field)) {
                    if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        int version = p.getIntValue();
                        if (version >= 1) {
                            return version;
                        }
                    }
                    break;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            throw new PoisonMessageException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        throw new PoisonMessageException(type.getSimpleName() + " without a valid schemaVersion");
    }
}
