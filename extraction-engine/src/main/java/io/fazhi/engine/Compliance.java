package io.fazhi.engine;

/** Which of the five parts the national rules require a report contains. */
public record Compliance(
        boolean measuresAndResults,
        boolean shortcomings,
        boolean leadersDuties,
        boolean nextYearPlans,
        boolean otherMatters) {}
