package io.fazhi.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class TransientFailuresTest {

    @Test
    void databaseAwayIsTransient() {
        assertTrue(TransientFailures.isTransient(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertTrue(TransientFailures.isTransient(new RuntimeException(
                "commit failed", new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(new SQLException("x", "40001"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new EOFException())));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new ConnectException("refused"))));
        assertTrue(TransientFailures.isTransient(
                new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void brokerAwayIsTransient() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new NotEnoughReplicasException("isr"))));
        assertTrue(TransientFailures.isTransient(new io.smallrye.mutiny.TimeoutException()));
    }

    @Test
    void theMessageItselfIsNot() {
        assertFalse(TransientFailures.isTransient(new PoisonMessageException("schema 9")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("dup", "23505"))));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("bad")));
        assertFalse(TransientFailures.isTransient(new RecordTooLargeException("big")));
        // a poison message wrapping an I/O exception from the parser stays poison
        assertFalse(TransientFailures.isTransient(new PoisonMessageException("unreadable", new EOFException())));
        assertFalse(TransientFailures.isTransient(null));
        // unreadable JSON is an IOException to Jackson, and still poison
        assertFalse(TransientFailures.isTransient(
                new RuntimeException(new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character"))));
    }
}
