package io.fazhi.ingest.persistence;

import java.sql.SQLException;

/**
 * A statement failed. Keeps the {@link SQLException} as its cause, so that {@code TransientFailures} can tell the
 * database being away (retry later) from a violated rule (a concurrent upload won a unique key).
 */
public class StorageException extends RuntimeException {
    private static final String UNIQUE_VIOLATION = "23505";

    public StorageException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    /** Whether a unique key was taken, typically by a concurrent upload of the same text, key or identity. */
    public boolean uniqueViolation() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
