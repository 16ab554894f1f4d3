package io.fazhi.engine.metadata;

import io.fazhi.engine.EngineData;
import java.util.ArrayList;
import java.util.List;

/** The words the metadata stage reads a report's opening and names by, by role ({@code engine/report-words.tsv}). */
final class ReportWords {
    private static final List<String[]> ROWS = EngineData.rows("report-words.tsv", 2);

    static final List<String> REPORT = of("report-word");
    static final List<String> RULE_OF_LAW = of("rule-of-law-word");
    static final List<String> NOT_TITLE_START = of("not-title-start");
    static final List<String> TITLE_SUBJECT_END = of("title-subject-end");
    static final List<String> DATE_LABELS = of("date-label");
    static final List<String> BRANCH_OFFICES = of("branch-office");
    static final String[] COUNTY_SUFFIXES = of("county-suffix").toArray(new String[0]);
    static final String[] TOWN_SUFFIXES = of("town-suffix").toArray(new String[0]);
    static final String LEVEL_CHARS = String.join("", of("level-char"));

    private ReportWords() {}

    /** The words of a role, in the file's order. */
    static List<String> of(String role) {
        List<String> words = new ArrayList<>();
        for (String[] r : ROWS) {
            if (r[0].equals(role)) {
                words.add(r[1]);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("report-words.tsv: no words of role " + role);
        }
        return List.copyOf(words);
    }

    static boolean any(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
