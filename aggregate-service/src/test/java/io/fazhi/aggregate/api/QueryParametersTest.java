package io.fazhi.aggregate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.domain.read.Comparison;
import io.fazhi.aggregate.model.RollupSort;
import io.fazhi.problems.BadParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Parameter parsing: values that parse, and a 400 naming the parameter for every bad one. */
class QueryParametersTest {
    @Test
    void valuesParse() {
        assertNull(QueryParameters.text("city", ""));
        assertEquals(2022, QueryParameters.year("year", "2022"));
        assertEquals(0, QueryParameters.year("year", "0"), "0: the year is unknown");
        assertEquals(200, QueryParameters.intInRange("size", null, 200, 1, 1000));
        assertEquals("licensing_handled", QueryParameters.indicator("licensing_handled"));
        assertEquals("none", QueryParameters.indicatorOrNone("none"));
        assertEquals(
                List.of(new RollupSort(RollupSort.Field.SUM, true), new RollupSort(RollupSort.Field.INDICATOR, false)),
                QueryParameters.sort(List.of("sum,desc", "indicator")));
        assertEquals(
                Comparison.By.DISTRICT,
                QueryParameters.choice("by", "district", Comparison.By.class, Comparison.By.AGENCY));
    }

    @Test
    void everyBadValueNamesItsParameter() {
        bad("year", () -> QueryParameters.year("year", "abc"));
        bad("year", () -> QueryParameters.year("year", "1800"));
        bad("size", () -> QueryParameters.intInRange("size", "0", 200, 1, 1000));
        bad("indicator", () -> QueryParameters.indicator("admin_licensing"));
        bad("category", () -> QueryParameters.category("nope"));
        bad("sort", () -> QueryParameters.sort(List.of("label")));
        bad("sort", () -> QueryParameters.sort(List.of("sum,down")));
        bad("sort", () -> QueryParameters.sort(List.of("sum;drop table rollup")));
        bad("city", () -> QueryParameters.text("city", "   "));
        bad("city", () -> QueryParameters.text("city", "市".repeat(201)));
        bad("city", () -> QueryParameters.required("city", null));
        bad("by", () -> QueryParameters.choice("by", "bureau", Comparison.By.class, Comparison.By.AGENCY));
    }

    private static void bad(String parameter, Executable parse) {
        BadParameterException e = assertThrows(BadParameterException.class, parse);
        assertEquals(parameter, e.parameter());
        assertTrue(!e.getMessage().isBlank());
    }
}
