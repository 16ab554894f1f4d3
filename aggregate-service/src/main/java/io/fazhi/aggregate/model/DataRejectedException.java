package io.fazhi.aggregate.model;

import java.sql.SQLException;

/**
 * The database rejected the data itself (SQLSTATE class 22, data exception, e.g. a NUL character in text; or 23,
 * integrity constraint violation): no retry of the same data can succeed.
 */
public class DataRejectedException extends StoreException {
    public DataRejectedException(String what, SQLException cause) {
        super(what, cause);
    }

    static boolean rejects(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
