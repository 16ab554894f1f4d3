package io.fazhi.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A word list of the engine's data indexed by the first and by the last character of its words, longest first, so
 * that asking whether a text has one of them at a position tests only the few words that can match there (a binary
 * search over the distinct characters, no allocation), never the whole list.
 */
final class WordList {
    private static final String[] NONE = new String[0];

    private final char[] firsts;
    private final String[][] byFirst;
    private final char[] lasts;
    private final String[][] byLast;

    WordList(List<String> words) {
        List<String> sorted = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                sorted.add(w);
            }
        }
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // stable: file order among equals
        firsts = edges(sorted, true);
        byFirst = buckets(sorted, firsts, true);
        lasts = edges(sorted, false);
        byLast = buckets(sorted, lasts, false);
    }

    private static char edge(String w, boolean first) {
        return first ? w.charAt(0) : w.charAt(w.length() - 1);
    }

    private static char[] edges(List<String> words, boolean first) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            char c = edge(w, first);
            if (b.indexOf(String.valueOf(c)) < 0) {
                b.append(c);
            }
        }
        char[] cs = b.toString().toCharArray();
        Arrays.sort(cs);
        return cs;
    }

    private static String[][] buckets(List<String> words, char[] keys, boolean first) {
        String[][] out = new String[keys.length][];
        for (int k = 0; k < keys.length; k++) {
            List<String> bucket = new ArrayList<>();
            for (String w : words) {
                if (edge(w, first) == keys[k]) {
                    bucket.add(w);
                }
            }
            out[k] = bucket.toArray(NONE);
        }
        return out;
    }

    /** The words starting with {@code c}, longest first (file order among equal lengths); empty when none. */
    String[] startingWith(char c) {
        int k = Arrays.binarySearch(firsts, c);
        return k < 0 ? NONE : byFirst[k];
    }

    /** The length of the longest word that {@code s} holds at {@code at}, or 0. */
    int longestAt(String s, int at) {
        if (at >= s.length()) {
            return 0;
        }
        for (String w : startingWith(s.charAt(at))) {
            if (s.startsWith(w, at)) {
                return w.length();
            }
        }
        return 0;
    }

    /** The length of the longest word that {@code s} ends with, or 0. */
    int longestSuffix(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int k = Arrays.binarySearch(lasts, s.charAt(s.length() - 1));
        if (k < 0) {
            return 0;
        }
        for (String w : byLast[k]) {
            if (s.endsWith(w)) {
                return w.length();
            }
        }
        return 0;
    }
}
