package io.fazhi.aggregate.model;

import java.sql.SQLException;

/**
 * The database is unavailable for now (restarting, unreachable, the pool exhausted, a deadlock or serialization
 * conflict): the same work may succeed when retried.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String what, SQLException cause) {
        super(what, cause);
    }
}
