package io.fazhi.aggregate.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A sort key of rollup cells: a field and a direction. */
public record RollupSort(Field field, boolean descending) {
    /** The fields rollup cells can be sorted by, with their names in the API. */
    public enum Field {
        CITY,
        YEAR,
        DISTRICT,
        INDICATOR,
        UNIT,
        OBSERVATIONS,
        REPORTS,
        AGENCIES,
        SUM,
        MIN,
        MAX,
        MEAN;

        /** The name in the API: city, year, …, mean. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Field> of(String apiName) {
            return Arrays.stream(values())
                    .filter(f -> f.apiName().equals(apiName))
                    .findFirst();
        }

        public static List<String> apiNames() {
            return Arrays.stream(values()).map(Field::apiName).toList();
        }
    }
}
