package io.fazhi.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDecoderTest {
    record Event(int schemaVersion, String reportId) {}

    private final EventDecoder decoder =
            new EventDecoder(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    @Test
    void readsEveryKnownSchema() {
        assertEquals(new Event(1, "r"), decoder.decode("{\"schemaVersion\":1,\"reportId\":\"r\"}", Event.class, 2));
        assertEquals(
                new Event(2, "r"),
                decoder.decode("{\"schemaVersion\":2,\"reportId\":\"r\",\"extra\":true}", Event.class, 2));
    }

    @Test
    void refusesWhatNoRetryCanRead() {
        PoisonMessageException tooNew = assertThrows(
                PoisonMessageException.class,
                () -> decoder.decode("{\"schemaVersion\":3,\"reportId\":\"r\"}", Event.class, 2));
        assertTrue(tooNew.getMessage().contains("schema version 3"), tooNew.getMessage());
        assertThrows(PoisonMessageException.class, () -> decoder.decode("{not json", Event.class, 2));
        assertThrows(PoisonMessageException.class, () -> decoder.decode("[1]", Event.class, 2));
        assertThrows(PoisonMessageException.class, () -> decoder.decode("{\"reportId\":\"r\"}", Event.class, 2));
        assertThrows(PoisonMessageException.class, () -> decoder.decode("", Event.class, 2));
        for (String version : List.of("0", "-1", "\"2\"", "1.5", "null", "{}", "99999999999")) {
            assertThrows(
                    PoisonMessageException.class,
                    () -> decoder.decode("{\"schemaVersion\":" + version + ",\"reportId\":\"r\"}", Event.class, 2),
                    version);
        }
        // readable up to the version, broken after it: still unreadable, not a half-read event
        assertThrows(
                PoisonMessageException.class,
                () -> decoder.decode("{\"schemaVersion\":1,\"reportId\":", Event.class, 2));
    }

    @Test
    void findsTheVersionWhereverItIsAmongTheTopLevelFields() {
        assertEquals(
                new Event(2, "r"),
                decoder.decode(
                        "{\"extra\":{\"schemaVersion\":9,\"nested\":[1,{\"a\":2}]},\"reportId\":\"r\",\"schemaVersion\":2}",
                        Event.class,
                        2));
    }
}
