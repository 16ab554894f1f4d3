package io.fazhi.engine.metrics;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.Numerals;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.text.Titles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy's non-metrics that the local context of a quantity tells: ordinals, ranks and rates; years and
 * dates; durations of zero; set phrases ({@code engine/non-metric-phrases.txt}); numbers inside 《titles》 and short
 * quotations; sessions of plenaries and congresses ({@code engine/session-words.tsv}); website chrome ({@code
 * engine/page-chrome.tsv}). Each is a {@code metric.exclude.*} rule. Every look-around is bounded.
 */
final class Exclusions {
    private static final int QUOTE_REACH = 12;
    private static final int CLAUSE_REACH = 16;
    private static final int CHROME_LINE = 100;
    private static final int COUNTER_GAP = 3;
    private static final int LIST_ITEMS = 4;

    static final Rule ORDINAL = RuleCatalogue.define(
            "metric.exclude.ordinal", "a number after 第, 每, # or a rank's 前 is an ordinal, a rank or a rate");
    static final Rule YEAR = RuleCatalogue.define(
            "metric.exclude.year", "a four-digit year before 年, or an implausible number of years, is a date");
    static final Rule DATE =
            RuleCatalogue.define("metric.exclude.date", "a day after 月, or more days than ten years hold, is a date");
    static final Rule ZERO_DURATION =
            RuleCatalogue.define("metric.exclude.zero-duration", "a duration of zero measures nothing");
    static final Rule SET_PHRASE = RuleCatalogue.define(
            "metric.exclude.set-phrase", "a numeral starting a set phrase of the data (三项制度, 两个维护) counts nothing");
    static final Rule TITLE = RuleCatalogue.define(
            "metric.exclude.title",
            "a number inside a 《title》, nested titles and long ones too, names a law, plan or document");
    static final Rule QUOTE = RuleCatalogue.define(
            "metric.exclude.short-quote", "a number inside a short quotation is part of a slogan or a name");
    static final Rule SESSION = RuleCatalogue.define(
            "metric.exclude.session-ordinal",
            "N次 naming a plenary session or congress (四次全会, 十二届二次、三次全会, 十三届四次会议) is an ordinal");
    static final Rule PAGE_CHROME = RuleCatalogue.define(
            "metric.exclude.page-chrome",
            "a count in website chrome (浏览次数: 1234次, 本文已被阅读56次, an accessibility notice) is no metric");

    private final List<String> ordinals;
    private final List<String> rates;
    private final List<String> notRanks;
    private final List<String> sessionAlways;
    private final List<String> sessionAfterTerm;
    private final List<String> listJoins;
    private final List<String> terms;
    private final List<String> counters;
    private final List<String> selfViews;
    private final List<String> chromeWords;
    private final String[][] phrasesByFirst = new String[65536][];
    private int maxPhrase;

    Exclusions() {
        Map<String, List<String>> ordinal = wordsByRole("ordinal-words.tsv", "ordinal", "rate", "rank", "not-rank");
        ordinals = ordinal.get("ordinal");
        ordinals.addAll(ordinal.get("rank"));
        rates = ordinal.get("rate");
        notRanks = ordinal.get("not-rank");
        Map<String, List<String>> session = wordsByRole("session-words.tsv", "always", "after-term", "list", "term");
        sessionAlways = session.get("always");
        sessionAfterTerm = session.get("after-term");
        listJoins = session.get("list");
        terms = session.get("term");
        Map<String, List<String>> chrome = wordsByRole("page-chrome.tsv", "counter", "self", "line");
        counters = chrome.get("counter");
        selfViews = chrome.get("self");
        chromeWords = chrome.get("line");
        for (List<String> words : List.of(ordinals, rates, notRanks, counters, selfViews)) {
            words.sort(Comparator.comparingInt(String::length).reversed());
        }
        for (String p : EngineData.lines("non-metric-phrases.txt")) {
            String phrase = p.strip();
            maxPhrase = Math.max(maxPhrase, phrase.length());
            char c = phrase.charAt(0);
            String[] old = phrasesByFirst[c];
            String[] now = old == null ? new String[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = phrase;
            phrasesByFirst[c] = now;
        }
    }

    /** The words of a {@code role <TAB> word} data file, by role; a role the file does not name is an error. */
    private static Map<String, List<String>> wordsByRole(String file, String... roles) {
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

    /** The exclusion rule that applies to the quantity {@code [num.start, ue)} with that unit, or null. */
    Rule excludedBy(String text, NumberReader.Number num, BigDecimal value, Units.Unit unit, int ue) {
        int ns = num.start();
        int before = ns;
        while (before > 0 && ns - before < 2 && NumberReader.isSpace(text.charAt(before - 1))) {
            before--; // 第 12 名
        }
        if (ordinal(text, before)) {
            return ORDINAL;
        }
        String u = unit.text();
        if (u.equals("年")) {
            if (!num.chinese()
                    && value.scale() <= 0
                    && value.compareTo(BigDecimal.valueOf(1900)) >= 0
                    && value.compareTo(BigDecimal.valueOf(2100)) <= 0) {
                return YEAR;
            }
            if (value.compareTo(BigDecimal.valueOf(200)) > 0) {
                return YEAR;
            }
        }
        char prev = ns > 0 ? text.charAt(ns - 1) : '\n';
        if ((u.equals("日") || u.equals("天")) && (prev == '月' || value.compareTo(BigDecimal.valueOf(3660)) > 0)) {
            return DATE; // a date; 201671日 is a garbled date
        }
        if (unit.kind().equals("duration") && value.signum() == 0) {
            return ZERO_DURATION;
        }
        if (insideSetPhrase(text, ns)) {
            return SET_PHRASE;
        }
        if (u.equals("次") && session(text, ns, ue)) {
            return SESSION;
        }
        if (Titles.inside(text, ns, ue)) {
            return TITLE;
        }
        if (insideShortQuote(text, ns, ue)) {
            return QUOTE;
        }
        return pageChrome(text, before, ns, ue) ? PAGE_CHROME : null;
    }

    /** Whether the number at {@code ns} lies inside a set phrase (三项制度, 三番五次). */
    private boolean insideSetPhrase(String text, int ns) {
        for (int d = 0; d < maxPhrase && d <= ns; d++) {
            String[] phrases = phrasesByFirst[text.charAt(ns - d)];
            if (phrases == null) {
                continue;
            }
            for (String ph : phrases) {
                if (ph.length() > d && text.startsWith(ph, ns - d)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean ordinal(String text, int end) {
        if (endingAt(rates, text, end) != null) {
            return true;
        }
        String w = endingAt(ordinals, text, end);
        if (w == null) {
            return false;
        }
        return !w.equals("前") || endingAt(notRanks, text, end) == null;
    }

    /** 四次全会; 十二届二次、三次全会; 十三届四次会议 (a term before the number in its clause). */
    private boolean session(String text, int ns, int ue) {
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
            if (startingAt(sessionAlways, text, k) != null || term && startingAt(sessionAfterTerm, text, k) != null) {
                return true;
            }
            String join = startingAt(listJoins, text, k);
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

    /** A counter (浏览次数: 1234), the page speaking of itself (已被浏览56次), or a short chrome line. */
    private boolean pageChrome(String text, int before, int ns, int ue) {
        if (endingAt(selfViews, text, before) != null) {
            return true;
        }
        int labelEnd = ns;
        int gap = 0;
        while (labelEnd > 0 && gap < COUNTER_GAP && isCounterGap(text.charAt(labelEnd - 1))) {
            labelEnd--;
            gap++;
        }
        boolean counter = gap > 0 && endingAt(counters, text, labelEnd) != null;
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

    /** Inside a short quotation (a slogan or a name: “民营经济十条”, “两个责任”). */
    static boolean insideShortQuote(String text, int from, int to) {
        int lo = Math.max(0, from - QUOTE_REACH);
        char close = 0;
        for (int k = from - 1; k >= lo; k--) {
            char c = text.charAt(k);
            if (c == '”' || c == '」' || c == '’' || c == '\n' || c == '。') {
                return false;
            }
            if (c == '“') {
                close = '”';
                break;
            }
            if (c == '「') {
                close = '」';
                break;
            }
            if (c == '‘') {
                close = '’';
                break;
            }
            if (c == '"') {
                close = '"';
                break;
            }
        }
        if (close == 0) {
            return false;
        }
        int hi = Math.min(text.length(), to + QUOTE_REACH);
        for (int k = to; k < hi; k++) {
            char c = text.charAt(k);
            if (c == close) {
                return true;
            }
            if (c == '“' || c == '\n' || c == '。') {
                return false;
            }
        }
        return false;
    }

    private static boolean endsClause(char c) {
        return c == '。' || c == ',' || c == '，' || c == ';' || c == '；' || c == '\n';
    }

    private static String endingAt(List<String> words, String text, int end) {
        for (String w : words) {
            int at = end - w.length();
            if (at >= 0 && text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }

    private static String startingAt(List<String> words, String text, int at) {
        for (String w : words) {
            if (text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }
}
