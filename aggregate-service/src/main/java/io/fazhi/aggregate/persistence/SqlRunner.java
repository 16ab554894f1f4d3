package io.fazhi.aggregate.persistence;

import io.fazhi.aggregate.model.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs statements on the pool's connection with bound parameters (arrays for set-based statements) and maps the
 * rows; inside a transaction every call uses the transaction's connection. Failures become {@link StoreException}s.
 */
@ApplicationScoped
public class SqlRunner {
    private final DataSource dataSource;

    public SqlRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** A parameter to bind as a SQL array of the given element type (text, int4, int8, numeric, bool). */
    public record ArrayParameter(String type, Object[] values) {}

    public static ArrayParameter texts(Collection<String> values) {
        return new ArrayParameter("text", values.toArray());
    }

    public static ArrayParameter ints(Collection<Integer> values) {
        return new ArrayParameter("int4", values.toArray());
    }

    public static ArrayParameter numerics(Collection<BigDecimal> values) {
        return new ArrayParameter("numeric", values.toArray());
    }

    public <T> T withConnection(String what, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreException.of(what, e);
        }
    }

    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(what, c -> {
            try (PreparedStatement ps = prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public int update(String what, String sql, Object... params) {
        return withConnection(what, c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Prepares a statement and binds the parameters in order (an {@link ArrayParameter} as a SQL array). */
    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof ArrayParameter a) {
                    Array array = c.createArrayOf(a.type(), a.values());
                    ps.setArray(i + 1, array);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** An int column that may be null. */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** A boolean column that may be null. */
    public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
