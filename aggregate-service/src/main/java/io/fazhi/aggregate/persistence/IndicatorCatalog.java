package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.ints;
import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.contracts.Indicators;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes the table {@code indicator} from {@link Indicators} (the contracts' indicators.tsv, the one owner), so that
 * the SQL views for BI tools carry each indicator's Chinese name and the city's order. An id no longer listed stays,
 * so facts that name it keep a name.
 */
@ApplicationScoped
public class IndicatorCatalog {
    private final SqlRunner sql;

    public IndicatorCatalog(SqlRunner sql) {
        this.sql = sql;
    }

    /** Inserts or updates every indicator; returns how many. */
    public int write() {
        List<Indicators.Indicator> all = Indicators.ALL;
        return sql.update(
                "writing indicators",
                """
                INSERT INTO indicator AS i (id, name, kind, covers, position)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[]) ORDER BY 1
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, covers = EXCLUDED.covers,
                                               position = EXCLUDED.position
                WHERE (i.name, i.kind, i.covers, i.position)
                      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.covers, EXCLUDED.position)
                """,
                texts(all.stream().map(Indicators.Indicator::id).toList()),
                texts(all.stream().map(Indicators.Indicator::name).toList()),
                texts(all.stream().map(i -> i.kind().id()).toList()),
                texts(all.stream().map(Indicators.Indicator::covers).toList()),
                ints(IntStream.range(0, all.size()).boxed().toList()));
    }
}
