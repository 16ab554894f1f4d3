package io.fazhi.aggregate.domain.read;

import io.fazhi.aggregate.model.Figure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the figures of a city-year and sets the previous year's beside each one (matched by name). Per district,
 * the whole city's figure minus its districts' is the row of the city's own bureaus.
 */
public final class FigureComparison {
    /** Decimal places of a change ratio. */
    static final int RATIO_SCALE = 4;

    private FigureComparison() {}

    /** The rows, largest value first (ties by name). */
    public static List<Comparison.Row> rank(List<Figure> current, List<Figure> previous) {
        Map<String, Figure> before = new HashMap<>();
        previous.forEach(p -> before.put(p.name(), p));
        List<Figure> sorted = new ArrayList<>(current);
        sorted.sort(Comparator.comparing(Figure::value, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Figure::name, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Comparison.Row> rows = new ArrayList<>(sorted.size());
        for (Figure f : sorted) {
            Figure p = before.get(f.name());
            BigDecimal value = f.value();
            BigDecimal prev = p == null ? null : p.value();
            BigDecimal change = value == null || prev == null ? null : value.subtract(prev);
            BigDecimal ratio = change == null || prev.signum() == 0
                    ? null
                    : change.divide(prev.abs(), RATIO_SCALE, RoundingMode.HALF_UP);
            rows.add(new Comparison.Row(
                    rows.size() + 1,
                    f.name(),
                    f.district(),
                    f.reports(),
                    f.observations(),
                    value,
                    f.lowerBounds() > 0,
                    prev,
                    change,
                    ratio));
        }
        return rows;
    }

    /**
     * The districts, and the city's own bureaus as what the whole city (the figure named null) holds beyond them;
     * that row is left out when nothing remains.
     */
    public static List<Figure> withCityLevel(List<Figure> cellsOfCity) {
        Figure whole =
                cellsOfCity.stream().filter(f -> f.name() == null).findFirst().orElse(null);
        List<Figure> districts =
                cellsOfCity.stream().filter(f -> f.name() != null).toList();
        if (whole == null) {
            return districts;
        }
        int reports = whole.reports();
        int observations = whole.observations();
        BigDecimal total = whole.total();
        int nonAdditive = whole.nonAdditive();
        int lowerBounds = whole.lowerBounds();
        for (Figure d : districts) {
            reports -= d.reports();
            observations -= d.observations();
            total = total.subtract(d.total());
            nonAdditive -= d.nonAdditive();
            lowerBounds -= d.lowerBounds();
        }
        List<Figure> all = new ArrayList<>(districts);
        if (reports > 0 && observations > 0) {
            all.add(new Figure(null, null, reports, observations, total, nonAdditive, lowerBounds));
        }
        return all;
    }

    /** Whether the compared values are sums: no figure has a value that does not add up. */
    public static boolean additive(List<Figure> figures) {
        return figures.stream().allMatch(f -> f.nonAdditive() == 0);
    }
}
