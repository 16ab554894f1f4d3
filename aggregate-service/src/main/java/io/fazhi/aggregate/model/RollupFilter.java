package io.fazhi.aggregate.model;

import java.util.List;

/**
 * Which rollup cells to read; null fields do not filter.
 *
 * @param district null or {@link CellKey#WHOLE_CITY} for the whole city, else one district
 * @param sort applied in order, then the city's order of indicators
 */
public record RollupFilter(
        String city,
        Integer year,
        String district,
        String indicator,
        String unit,
        int page,
        int size,
        List<RollupSort> sort) {}
