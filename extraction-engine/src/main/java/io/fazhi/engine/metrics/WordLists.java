package io.fazhi.engine.metrics;

import io.fazhi.engine.EngineData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code role <TAB> word} data files of the exclusions, and the look-ups on their word lists. */
final class WordLists {
    private WordLists() {}

    /** The words of a {@code role <TAB> word} data file, by role; a role the file does not name is an error. */
    static Map<String, List<String>> byRole(String file, String... roles) {
        Map<String, List<String>> byRole = new HashMap<>();
        for (String role : roles) {
            byRole.put(role, new ArrayList<>());
        }
        for (String[] r : EngineData.rows(file, 2)) {
            List<String> words = byRole.get(r[0]);
            if (words == null) {
                throw new IllegalStateException(file + ": unknown role " + r[0]);
            }
            words.add(r[1]);
        }
        return byRole;
    }

    /** The first word of the list (longest first, where it matters) that ends at {@code end}, or null. */
    static String endingAt(List<String> words, String text, int end) {
        for (String w : words) {
            int at = end - w.length();
            if (at >= 0 && text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }

    /** The first word of the list that starts at {@code at}, or null. */
    static String startingAt(List<String> words, String text, int at) {
        for (String w : words) {
            if (text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }
}
