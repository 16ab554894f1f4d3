package io.fazhi.aggregate.model;

/**
 * What one counted report adds to the summary of its (city, year) slice.
 *
 * @param agency who reported (the agency, or the report id when the text names none)
 * @param district its district, county or zone; null for a city bureau
 * @param metrics all its metrics, with an indicator or not
 */
public record SliceMember(
        SliceKey slice,
        String agency,
        String district,
        int metrics,
        boolean complete,
        boolean measuresAndResults,
        boolean shortcomings,
        boolean leadersDuties,
        boolean nextYearPlans,
        boolean otherMatters,
        boolean publishedKnown,
        boolean publishedOnTime) {}
