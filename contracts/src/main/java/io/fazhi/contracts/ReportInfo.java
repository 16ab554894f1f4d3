package io.fazhi.contracts;

import java.util.List;

/**
 * What is known of a report after extraction: uploaded values where given, else what the text says.
 *
 * @param level      bureau | district | zone | city | town, or null when unknown
 * @param published  ISO date (yyyy-MM-dd) or null
 * @param compliance which of the five required parts the report contains
 * @param warnings   human-readable conflicts between uploaded values and the text
 */
public record ReportInfo(
        String agency,
        String city,
        String district,
        String level,
        Integer year,
        String published,
        String title,
        Compliance compliance,
        List<String> warnings) {

    /** The five parts that the national rules require of an annual report. */
    public record Compliance(
            boolean measuresAndResults,
            boolean shortcomings,
            boolean leadersDuties,
            boolean nextYearPlans,
            boolean otherMatters) {

        public boolean complete() {
            return measuresAndResults && shortcomings && leadersDuties && nextYearPlans && otherMatters;
        }
    }
}
