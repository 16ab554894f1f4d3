package io.fazhi.aggregate.model;

/**
 * Which metric facts of counted reports to read; null fields do not filter.
 *
 * @param indicator an indicator id, or {@link #NO_INDICATOR} for the one-off figures without one
 * @param label a piece of the label text (substring, case-insensitive)
 * @param unit the rollup unit
 */
public record FactFilter(
        String city,
        Integer year,
        String district,
        String agency,
        String indicator,
        String label,
        String category,
        String unit,
        int page,
        int size) {
    /** The {@code indicator} filter value selecting metrics without an indicator. */
    public static final String NO_INDICATOR = "none";
}
