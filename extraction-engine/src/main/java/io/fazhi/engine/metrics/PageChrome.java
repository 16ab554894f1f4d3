package io.fazhi.engine.metrics;

import io.fazhi.engine.Numerals;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether a count stands in website chrome ({@code engine/page-chrome.tsv}): a counter (浏览次数: 1234次), the
 * page speaking of itself (本文已被阅读56次), or a short line of chrome words with no sentence punctuation (an
 * accessibility notice, a footer). A line with 。 or a comma is prose, never chrome. Bounded look-arounds.
 */
final class PageChrome {
    private static final int CHROME_LINE = 100;
    private static final int COUNTER_GAP = 3;

    private final List<String> counters;
    private final List<String> selfViews;
    private final List<String> chromeWords;

    PageChrome() {
        Map<String, List<String>> words = WordLists.byRole("page-chrome.tsv", "counter", "self", "line");
        counters = words.get("counter");
        selfViews = words.get("self");
        chromeWords = words.get("line");
        counters.sort(Comparator.comparingInt(String::length).reversed());
        selfViews.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** A counter (浏览次数: 1234), the page speaking of itself (已被浏览56次), or a short chrome line. */
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
        if (counter) {
            return true;
        }
        for (String w : chromeWords) {
            int at = text.indexOf(w, lineStart);
            if (at >= 0 && at < lineEnd) {
                return !startsWithSectionNumber(text, lineStart);
            }
        }
        return false;
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

    private static boolean startsWithSectionNumber(String text, int lineStart) {
        int k = lineStart;
        while (k < text.length() && NumberReader.isSpace(text.charAt(k))) {
            k++;
        }
        if (k >= text.length()) {
            return false;
        }
        char c = text.charAt(k);
        return NumberReader.isAsciiDigit(c) || Numerals.isChineseNumeralChar(c) || c == '(' || c == '（';
    }
}
