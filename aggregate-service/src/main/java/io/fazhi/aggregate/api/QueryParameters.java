package io.fazhi.aggregate.api;

import io.fazhi.aggregate.model.FactFilter;
import io.fazhi.aggregate.model.RollupSort;
import io.fazhi.contracts.Categories;
import io.fazhi.contracts.Indicators;
import io.fazhi.contracts.ReportYears;
import io.fazhi.problems.BadParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses and checks query parameters; every failure is a {@link BadParameterException} naming its parameter. */
final class QueryParameters {
    /** Longest free-text filter. */
    static final int MAX_TEXT = 200;

    private QueryParameters() {}

    /** A free-text filter: absent when empty. */
    static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new BadParameterException(name, "at most " + MAX_TEXT + " characters");
        }
        if (value.isBlank()) {
            throw new BadParameterException(name, "must not be blank");
        }
        return value;
    }

    /** A required free-text parameter. */
    static String required(String name, String value) {
        String v = text(name, value);
        if (v == null) {
            throw new BadParameterException(name, "is required");
        }
        return v;
    }

    /** A year of {@link ReportYears}, or 0 for reports whose year is unknown. */
    static Integer year(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int year = integer(name, value);
        if (year != 0 && !ReportYears.valid(year)) {
            throw new BadParameterException(
                    name,
                    "must be a year from " + ReportYears.FIRST + " to " + ReportYears.LAST + " (0: unknown), not "
                            + year);
        }
        return year;
    }

    static int intInRange(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isEmpty()) {
            return dflt;
        }
        int n = integer(name, value);
        if (n < min || n > max) {
            throw new BadParameterException(name, "must be from " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    static String category(String value) {
        String c = text("category", value);
        if (c != null && !Categories.ALL.contains(c)) {
            throw new BadParameterException(
                    "category", "unknown category '" + c + "'; one of " + String.join(", ", Categories.ALL));
        }
        return c;
    }

    /** An indicator id of {@link Indicators} (GET /api/v1/indicators lists them). */
    static String indicator(String value) {
        String id = text("indicator", value);
        if (id != null && Indicators.byId(id) == null) {
            throw new BadParameterException(
                    "indicator", "unknown indicator '" + id + "'; GET /api/v1/indicators lists the ids");
        }
        return id;
    }

    /** An indicator id, or {@value FactFilter#NO_INDICATOR} for the metrics without one. */
    static String indicatorOrNone(String value) {
        return FactFilter.NO_INDICATOR.equals(value) ? value : indicator(value);
    }

    /** {@code sort=sum,desc} (repeatable; ascending by default), against the fields of {@link RollupSort.Field}. */
    static List<RollupSort> sort(List<String> values) {
        List<RollupSort> sort = new ArrayList<>();
        if (values == null) {
            return sort;
        }
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            String[] parts = v.split(",", -1);
            if (parts.length > 2) {
                throw new BadParameterException("sort", "expected field[,asc|desc], got '" + v + "'");
            }
            String field = parts[0].trim();
            RollupSort.Field f = RollupSort.Field.of(field)
                    .orElseThrow(() -> new BadParameterException(
                            "sort",
                            "cannot sort by '" + field + "'; one of "
                                    + String.join(", ", RollupSort.Field.apiNames())));
            String dir = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new BadParameterException("sort", "direction must be asc or desc, not '" + dir + "'");
            }
            sort.add(new RollupSort(f, dir.equals("desc")));
        }
        return sort;
    }

    /** One of the names of an enum, lower case. */
    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E dflt) {
        if (value == null || value.isEmpty()) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new BadParameterException(name, "one of " + String.join(", ", names) + ", not '" + value + "'");
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be an integer, not '" + value + "'");
        }
    }
}
