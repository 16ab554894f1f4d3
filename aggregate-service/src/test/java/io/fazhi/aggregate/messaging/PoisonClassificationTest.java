package io.fazhi.aggregate.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.model.DataRejectedException;
import io.fazhi.aggregate.model.StoreException;
import io.fazhi.kafka.PoisonMessageException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Only what no retry can fix is poison; a database away never is. */
class PoisonClassificationTest {
    @Test
    void malformedEventsAndRejectedDataArePoison() {
        assertTrue(SectionBatchConsumer.isPoison(new PoisonMessageException("unreadable")));
        assertTrue(SectionBatchConsumer.isPoison(new RuntimeException(
                new DataRejectedException("writing facts", new SQLException("invalid byte sequence", "22021")))));
    }

    @Test
    void theDatabaseAwayIsNot() {
        assertFalse(SectionBatchConsumer.isPoison(
                new StoreException("counting sections", new SQLException("Connection refused", "08001"))));
        assertFalse(SectionBatchConsumer.isPoison(new IllegalStateException("a bug")));
    }
}
