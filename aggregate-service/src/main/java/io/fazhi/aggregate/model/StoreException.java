package io.fazhi.aggregate.model;

import io.fazhi.kafka.TransientFailures;
import java.sql.SQLException;

/**
 * A statement of the store failed. The SQL exception is the cause, so that a failure of the infrastructure (the
 * database away, a deadlock) is recognised as transient and retried. Its kinds: {@link DataRejectedException} (no
 * retry of the same data can succeed) and {@link StoreUnavailableException} (the database is away for now).
 */
public class StoreException extends RuntimeException {
    public StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    /** The exception for a failed statement: the data rejected, the database unavailable, or another failure. */
    public static StoreException of(String what, SQLException e) {
        if (DataRejectedException.rejects(e)) {
            return new DataRejectedException(what, e);
        }
        return TransientFailures.isTransient(e) ? new StoreUnavailableException(what, e) : new StoreException(what, e);
    }
}
