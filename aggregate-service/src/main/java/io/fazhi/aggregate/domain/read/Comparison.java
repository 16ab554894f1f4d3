package io.fazhi.aggregate.domain.read;

import java.math.BigDecimal;
import java.util.List;

/**
 * The agencies (or districts) of a city-year ranked on one indicator, each with its figure of the previous year.
 *
 * @param by {@code agency} or {@code district}
 * @param additive the figures are sums; false when they are means (rates, durations)
 * @param units every rollup unit the indicator has in this city-year (the comparison is in {@code unit})
 * @param rows largest first
 */
public record Comparison(
        String city,
        int year,
        String indicator,
        String indicatorName,
        String unit,
        List<String> units,
        By by,
        boolean additive,
        List<Row> rows) {

    /** What is compared. */
    public enum By {
        AGENCY,
        DISTRICT
    }

    /**
     * One agency or district.
     *
     * @param name the agency or district; for {@link By#DISTRICT}, null is the city's own bureaus (what the whole
     *     city holds beyond its districts)
     * @param district the agency's district, county or zone (null for a city bureau)
     * @param value the sum, or the mean where values do not add up
     * @param previous the value of the year before, null when it reported none
     * @param change value minus previous
     * @param changeRatio change / previous (0.25 is +25%); null without a previous value other than 0
     */
    public record Row(
            int rank,
            String name,
            String district,
            int reports,
            int observations,
            BigDecimal value,
            boolean lowerBound,
            BigDecimal previous,
            BigDecimal change,
            BigDecimal changeRatio) {}
}
