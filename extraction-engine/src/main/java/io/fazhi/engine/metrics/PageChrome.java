package io.fazhi.engine.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether a count stands in website chrome ({@code engine/page-chrome.tsv}): a counter (浏览次数: 1234次) or the
 * page speaking of itself (本文已被阅读56次). A line with 。 or a comma is prose, never chrome. Whole chrome lines
 * (accessibility notices, footers) are the normaliser's: it removes them before metrics are found
 * ({@code engine/chrome-lines.tsv}). Bounded look-arounds.
 */
final class PageChrome {
    private static final int CHROME_LINE = 100;
    private static final int COUNTER_GAP = 3;

    private final List<String> counters;
    private final List<String> selfViews;

    PageChrome() {
        Map<String, List<String>> words = WordLists.byRole("page-chrome.tsv", "counter", "self");
        counters = words.get("counter");
        selfViews = words.get("self");
        counters.sort(Comparator.comparingInt(String::length).reversed());
        selfViews.sort(Comparator.comparingInt(String::length).reversed());
    }

    /**
     * Whether the quantity {@code [ns, ue)} is chrome; {@code before} is where the number starts once the
     * spaces before it are skipped.
     */
    boolean holds(String text, int before, int ns, int ue) {
        if (WordLists.endingAt(selfViews, text, before) != null) {
            return true;
        }
        int labelEnd = ns;
        int gap = 0;
        while (labelEnd > 0 && gap < COUNTER_GAP && isCounterGap(text.charAt(labelEnd - 1))) {
            labelEnd--;
            gap++;
        }
        boolean counter = gap > 0 && WordLists.endingAt(counters, text, labelEnd) != null;
        int lineStart = ns;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            if (ns - lineStart >= CHROME_LINE || endsSentence(text, lineStart - 1)) {
                return false; // prose, never chrome
            }
            lineStart--;
        }
        int lineEnd = ue;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n') {
            if (lineEnd - ue >= CHROME_LINE || endsSentence(text, lineEnd)) {
                return false;
            }
            lineEnd++;
        }
        return counter;
    }

    private static boolean isCounterGap(char c) {
        return c == ':' || c == '：' || c == '【' || c == '[' || NumberReader.isSpace(c);
    }

    /** Sentence punctuation at {@code k}: a comma between digits is a thousands separator, not punctuation. */
    private static boolean endsSentence(String text, int k) {
        char c = text.charAt(k);
        if (c == '。' || c == '；' || c == ';' || c == '，') {
            return true;
        }
        return c == ','
                && !(k > 0
                        && NumberReader.isAsciiDigit(text.charAt(k - 1))
                        && k + 1 < text.length()
                        && NumberReader.isAsciiDigit(text.charAt(k + 1)));
    }
}
