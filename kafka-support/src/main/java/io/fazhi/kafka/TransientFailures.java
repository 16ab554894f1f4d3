package io.fazhi.kafka;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the infrastructure, which a retry can outlast (the database restarting, the broker away, a
 * pool exhausted, a serialization conflict), from a failure of the message itself, which no retry can fix
 * (unreadable JSON, a schema too new, a constraint the data violates). The whole cause chain is examined.
 */
public final class TransientFailures {
    private TransientFailures() {}

    /** Whether retrying the same work later may succeed. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof PoisonMessageException || t instanceof com.fasterxml.jackson.core.JacksonException) {
                return false; // the message itself: unreadable JSON is an IOException, but no retry can read it
            }
            if (t instanceof SQLException sql && transientSqlState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true; // connection refused or reset, broken pipe, EOF from a restarting server
            }
            if (t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true; // not enough replicas, leader moved, broker timeout, disconnected
            }
            String type = t.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.equals("org.hibernate.exception.LockAcquisitionException")
                    || type.equals("jakarta.persistence.PessimisticLockException")
                    || type.equals("jakarta.persistence.LockTimeoutException")
                    || type.equals("io.smallrye.mutiny.TimeoutException")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && t instanceof SQLException && message.contains("Acquisition timeout")) {
                return true; // Agroal: no connection within the acquisition timeout (the database is away)
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes a retry can outlast: 08 connection exceptions, 53 insufficient resources, 57P0x the server
     * shutting down or starting, 40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 58
     * system errors (I/O).
     */
    static boolean transientSqlState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("58")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("55P03");
    }
}
