package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/**
 * What one agency or one district (or the whole city) holds on one indicator and unit in one city-year.
 *
 * @param name the agency, or the district; null for the whole city
 * @param district the agency's district, county or zone (null for a city bureau); the district itself when the
 *     figure is per district
 * @param nonAdditive how many values are of a kind that does not add up
 */
public record Figure(
        String name,
        String district,
        int reports,
        int observations,
        BigDecimal total,
        int nonAdditive,
        int lowerBounds) {

    public BigDecimal sum() {
        return CellValues.sum(total, nonAdditive);
    }

    public BigDecimal mean() {
        return CellValues.mean(total, observations);
    }

    /** The figure to compare: the sum where values add up, else the mean. */
    public BigDecimal value() {
        BigDecimal sum = sum();
        return sum != null ? sum : mean();
    }
}
