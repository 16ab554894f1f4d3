package io.fazhi.aggregate.model;

import java.util.List;

/**
 * A city with the reports counted in its rollups, overall and per year.
 *
 * @param agencies distinct agencies over all years
 */
public record CitySummary(
        String city, int reports, int agencies, int metrics, Compliance compliance, List<Year> years) {

    /** One year of a city. */
    public record Year(int year, int reports, int agencies, int districts, int metrics, Compliance compliance) {}

    /**
     * How many reports have all five required parts (and each part), and how many were published before 1 April
     * of the year after the reported year ({@code publishedKnown}: how many give a publication date at all).
     */
    public record Compliance(
            int reports,
            int complete,
            int measuresAndResults,
            int shortcomings,
            int leadersDuties,
            int nextYearPlans,
            int otherMatters,
            int publishedKnown,
            int publishedOnTime) {

        public static final Compliance NONE = new Compliance(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Compliance plus(Compliance o) {
            return new Compliance(
                    reports + o.reports,
                    complete + o.complete,
                    measuresAndResults + o.measuresAndResults,
                    shortcomings + o.shortcomings,
                    leadersDuties + o.leadersDuties,
                    nextYearPlans + o.nextYearPlans,
                    otherMatters + o.otherMatters,
                    publishedKnown + o.publishedKnown,
                    publishedOnTime + o.publishedOnTime);
        }
    }
}
