package io.fazhi.aggregate.model;

/** What to add to the summary of a (city, year) slice (negative to take away). */
public record SliceChange(
        SliceKey slice,
        int reports,
        int agencies,
        int districts,
        int metrics,
        int complete,
        int measuresAndResults,
        int shortcomings,
        int leadersDuties,
        int nextYearPlans,
        int otherMatters,
        int publishedKnown,
        int publishedOnTime) {}
