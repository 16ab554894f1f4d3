package io.fazhi.deploy.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.fazhi.deploy.LocalStack;
import io.fazhi.deploy.load.ExpectedRollups.Cell;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares aggregate-service's rollups ({@code GET /api/v1/rollups}) with the {@link ExpectedRollups}, cell by
 * cell (city x year x district x indicator x rollup unit): observations, reports, sum (where the unit kind adds
 * up), min and max.
 */
public final class RollupComparison {
    /** The outcome: cells compared, and the wrong ones (missing, unexpected or off). */
    public record Result(int expectedCells, int actualCells, List<String> wrong) {
        public int wrongCells() {
            return wrong.size();
        }
    }

    private RollupComparison() {}

    public static Result compare(String aggregateUrl, ExpectedRollups expected) {
        Map<String, JsonNode> actual = new HashMap<>();
        for (String slice : expected.slices()) {
            int bar = slice.lastIndexOf('|');
            String city = slice.substring(0, bar);
            int year = Integer.parseInt(slice.substring(bar + 1));
            List<String> districts = new ArrayList<>();
            districts.add(null);
            districts.addAll(expected.districts(city, year));
            for (String district : districts) {
                for (JsonNode row : rows(aggregateUrl, city, year, district)) {
                    String rowDistrict = row.path("district").asText("");
                    if (district != null && !district.equals(rowDistrict)) {
                        continue;
                    }
                    actual.put(key(row), row);
                }
            }
        }
        Map<String, Cell> cells = expected.cells();
        List<String> wrong = new ArrayList<>();
        Set<String> keys = new TreeSet<>(cells.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            Cell e = cells.get(key);
            JsonNode a = actual.get(key);
            if (e == null) {
                wrong.add("unexpected cell " + key + ": " + a);
            } else if (a == null) {
                wrong.add("missing cell " + key + " (" + e.observations() + " observations)");
            } else {
                String off = differences(e, a);
                if (!off.isEmpty()) {
                    wrong.add(key + ":" + off);
                }
            }
        }
        return new Result(cells.size(), actual.size(), wrong);
    }

    private static String differences(Cell e, JsonNode a) {
        StringBuilder off = new StringBuilder();
        if (e.observations() != a.path("observations").asInt()) {
            off.append(" observations ")
                    .append(a.path("observations"))
                    .append(" != ")
                    .append(e.observations());
        }
        if (a.has("reports") && e.reports() != a.path("reports").asInt()) {
            off.append(" reports ").append(a.path("reports")).append(" != ").append(e.reports());
        }
        BigDecimal sum = decimal(a.get("sum"));
        if (!same(e.sum(), sum)) {
            off.append(" sum ").append(sum).append(" != ").append(e.sum());
        }
        if (!same(e.min(), decimal(a.get("min")))) {
            off.append(" min ").append(a.get("min")).append(" != ").append(e.min());
        }
        if (!same(e.max(), decimal(a.get("max")))) {
            off.append(" max ").append(a.get("max")).append(" != ").append(e.max());
        }
        return off.toString();
    }

    private static boolean same(BigDecimal expected, BigDecimal actual) {
        if (expected == null || actual == null) {
            return Objects.equals(expected, actual);
        }
        return expected.compareTo(actual) == 0;
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    /** The row's cell key, as {@link ExpectedRollups} builds it. */
    static String key(JsonNode r) {
        return ExpectedRollups.key(
                r.path("city").asText(),
                r.path("year").asInt(),
                r.path("district").asText(""),
                r.path("indicator").asText(""),
                r.path("unit").asText(""));
    }

    /** Every rollup row of a slice (one district, or the whole city when null), page by page. */
    static List<JsonNode> rows(String aggregateUrl, String city, int year, String district) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            String url = aggregateUrl + "/api/v1/rollups?size=1000&page=" + page + "&year=" + year + "&city="
                    + enc(city) + (district == null ? "" : "&district=" + enc(district));
            JsonNode answer = LocalStack.getJson(url);
            JsonNode list = answer.isArray() ? answer : answer.path("items");
            list.forEach(rows::add);
            if (list.size() < 1000) {
                return rows;
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
