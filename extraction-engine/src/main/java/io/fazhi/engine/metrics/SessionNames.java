package io.fazhi.engine.metrics;

import io.fazhi.engine.Numerals;
import java.util.List;
import java.util.Map;

/**
 * Whether an {@code N次} names a plenary session or a congress ({@code engine/session-words.tsv}): 四次全会, 十二届
 * 二次、三次全会 (through a list), 十三届四次会议 (a term before the number in its clause). Bounded look-arounds.
 */
final class SessionNames {
    private static final int CLAUSE_REACH = 16;
    private static final int LIST_ITEMS = 4;

    private final List<String> always;
    private final List<String> afterTerm;
    private final List<String> listJoins;
    private final List<String> terms;

    SessionNames() {
        Map<String, List<String>> words = WordLists.byRole("session-words.tsv", "always", "after-term", "list", "term");
        always = words.get("always");
        afterTerm = words.get("after-term");
        listJoins = words.get("list");
        terms = words.get("term");
    }

    /** 四次全会; 十二届二次、三次全会; 十三届四次会议 (a term before the number in its clause). */
    boolean names(String text, int ns, int ue) {
        boolean term = false;
        int lo = Math.max(0, ns - CLAUSE_REACH);
        for (int k = ns - 1; k >= lo && !endsClause(text.charAt(k)); k--) {
            for (String t : terms) {
                if (text.startsWith(t, k)) {
                    term = true;
                }
            }
        }
        int k = ue;
        for (int item = 0; item < LIST_ITEMS; item++) {
            if (WordLists.startingAt(always, text, k) != null
                    || term && WordLists.startingAt(afterTerm, text, k) != null) {
                return true;
            }
            String join = WordLists.startingAt(listJoins, text, k);
            if (join == null) {
                return false;
            }
            int j = k + join.length();
            int start = j;
            while (j < text.length() && j - start < 6 && (isNumeral(text.charAt(j)))) {
                j++;
            }
            if (j == start || !text.startsWith("次", j)) {
                return false;
            }
            k = j + 1;
        }
        return false;
    }

    private static boolean isNumeral(char c) {
        return Numerals.isChineseNumeralChar(c) || NumberReader.isAsciiDigit(c);
    }

    private static boolean endsClause(char c) {
        return c == '。' || c == ',' || c == '，' || c == ';' || c == '；' || c == '\n';
    }
}
