package io.fazhi.aggregate.persistence;

import java.util.ArrayList;
import java.util.List;

/** A conjunction of conditions with positional parameters, for the read queries; values never enter the SQL. */
final class Conditions {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** {@code column = value}, unless the value is null. */
    Conditions equal(String column, Object value) {
        if (value != null) {
            add(column + " = ?", value);
        }
        return this;
    }

    /** A condition with its parameters. */
    Conditions add(String condition, Object... values) {
        sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    String where() {
        return sql.toString();
    }

    /** The parameters, then more. */
    Object[] params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }

    /** The pattern of a substring search with LIKE ... ESCAPE '\': the text's own % _ and \ match themselves. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
