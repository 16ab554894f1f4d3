package io.fazhi.aggregate.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The values a cell shows from what it holds: the sum only when every value adds up, and the mean per value. */
public final class CellValues {
    /** Decimal places of a mean. */
    public static final int MEAN_SCALE = 4;

    private CellValues() {}

    /** total / observations to 4 decimal places, without trailing zeros (90, not 90.0000; 100, not 1E+2). */
    public static BigDecimal mean(BigDecimal total, int observations) {
        if (total == null || observations <= 0) {
            return null;
        }
        BigDecimal m = total.divide(BigDecimal.valueOf(observations), MEAN_SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return m.scale() < 0 ? m.setScale(0) : m;
    }

    /** The total when every value adds up, else null (rates and durations have no sum). */
    public static BigDecimal sum(BigDecimal total, int nonAdditive) {
        return nonAdditive == 0 ? total : null;
    }
}
