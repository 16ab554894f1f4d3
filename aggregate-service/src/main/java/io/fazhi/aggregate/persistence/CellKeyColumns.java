package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.ints;
import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.aggregate.model.CellKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Binds cell keys as five parallel arrays (city, year, indicator, unit, district) and reads them back. */
final class CellKeyColumns {
    /** The unnest column list matching {@link #arrays}. */
    static final String UNNEST = "?::text[], ?::int[], ?::text[], ?::text[], ?::text[]";

    private CellKeyColumns() {}

    static Object[] arrays(List<CellKey> keys) {
        return new Object[] {
            texts(keys.stream().map(CellKey::city).toList()),
            ints(keys.stream().map(CellKey::year).toList()),
            texts(keys.stream().map(CellKey::indicator).toList()),
            texts(keys.stream().map(CellKey::unit).toList()),
            texts(keys.stream().map(CellKey::district).toList())
        };
    }

    static CellKey read(ResultSet rs) throws SQLException {
        return new CellKey(
                rs.getString("city"),
                rs.getInt("year"),
                rs.getString("district"),
                rs.getString("indicator"),
                rs.getString("unit"));
    }

    /** The parameters of a statement: these arrays, then more. */
    static Object[] with(Object[] first, Object... more) {
        List<Object> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }
}
