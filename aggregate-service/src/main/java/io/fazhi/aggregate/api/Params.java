package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.FactsQuery;
import io.fazhi.contracts.Categories;
import io.fazhi.problems.BadParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parsing and validation of query parameters; every failure names its parameter. */
final class Params {
    private static final Pattern METRIC_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_TEXT = 200;

    private Params() {}

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

    static Integer year(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int year = integer("year", value);
        if (year != 0 && (year < 1949 || year > 2100)) {
            throw new BadParameterException("year", "must be a year from 1949 to 2100 (0: unknown), not " + year);
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

    static String metricKey(String value) {
        String k = text("metricKey", value);
        if (k != null && !METRIC_KEY.matcher(k).matches()) {
            throw new BadParameterException("metricKey", "a metric key is lower case letters, digits and _");
        }
        return k;
    }

    /** {@code sort=sum,desc} (repeatable; direction asc by default), against a whitelist of fields. */
    static List<FactsQuery.Sort> sort(List<String> values) {
        List<FactsQuery.Sort> sort = new ArrayList<>();
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
            if (!FactsQuery.ROLLUP_SORT.containsKey(field)) {
                throw new BadParameterException(
                        "sort",
                        "cannot sort by '" + field + "'; one of "
                                + String.join(
                                        ", ",
                                        FactsQuery.ROLLUP_SORT.keySet().stream()
                                                .sorted()
                                                .toList()));
            }
            String dir = parts.length == 2 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new BadParameterException("sort", "direction must be asc or desc, not '" + dir + "'");
            }
            sort.add(new FactsQuery.Sort(field, dir.equals("desc")));
        }
        return sort;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be an integer, not '" + value + "'");
        }
    }
}
