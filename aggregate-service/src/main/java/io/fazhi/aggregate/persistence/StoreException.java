package io.fazhi.aggregate.persistence;

import java.sql.SQLException;

/**
 * A statement failed. The SQL exception is the cause, so that a failure of the infrastructure (the database away,
 * a deadlock) is recognised as transient and retried.
 */
public class StoreException extends RuntimeException {
    public StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    /** The exception for a failed statement: a rejection of the data, or a failure of the database. */
    static StoreException of(String what, SQLException e) {
        return DataRejectedException.rejects(e) ? new DataRejectedException(what, e) : new StoreException(what, e);
    }
}
