package io.fazhi.engine.metrics;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.text.Titles;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
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
    static final Rule CODE = RuleCatalogue.define(
            "metric.exclude.code", "digits in a code or a model number (G20, 5G, COVID-19, #3) count nothing");
    static final Rule RANGE = RuleCatalogue.define(
            "metric.exclude.range",
            "a range, a date, a time or a version (2015-2020, 3-5天, 5%—10%, 2019/11/26, 10:30, 1.2.3) is not one quantity");
    static final Rule PER_UNIT = RuleCatalogue.define(
            "metric.exclude.per-unit", "a quantity per unit (1.2万元/人, 300元/平方米) is a rate, not an amount");
    static final Rule PAGE_CHROME = RuleCatalogue.define(
            "metric.exclude.page-chrome",
            "a count in website chrome (浏览次数: 1234次, 本文已被阅读56次, an accessibility notice) is no metric");

    private final List<String> ordinals;
    private final List<String> rates;
    private final List<String> notRanks;
    private final List<String> perWords;
    private final Units units;
    private final SessionNames sessions = new SessionNames();
    private final PageChrome chrome = new PageChrome();
    private final String[][] phrasesByFirst = new String[65536][];
    private int maxPhrase;

    Exclusions(Units units) {
        this.units = units;
        Map<String, List<String>> ordinal =
                WordLists.byRole("ordinal-words.tsv", "ordinal", "rate", "rank", "not-rank", "per");
        ordinals = ordinal.get("ordinal");
        ordinals.addAll(ordinal.get("rank"));
        rates = ordinal.get("rate");
        notRanks = ordinal.get("not-rank");
        perWords = ordinal.get("per");
        for (List<String> words : List.of(ordinals, rates, notRanks)) {
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
        if (unitRange(text, ns, ue, u)) {
            return RANGE;
        }
        if (ue + 1 < text.length()
                && text.charAt(ue) == '/'
                && (units.at(text, ue + 1) != null || WordLists.startingAt(perWords, text, ue + 1) != null)) {
            return PER_UNIT; // 1.2万元/人, 300元/月; not 100%/满意率
        }
        if (u.equals("次") && sessions.names(text, ns, ue)) {
            return SESSION;
        }
        if (Titles.inside(text, ns, ue)) {
            return TITLE;
        }
        if (insideShortQuote(text, ns, ue)) {
            return QUOTE;
        }
        return chrome.holds(text, before, ns, ue) ? PAGE_CHROME : null;
    }

    /**
     * A range written with its unit on both ends: 5%—10%, 3天至5天 (the first, seen forward) or the second of them
     * (seen backward).
     */
    private static boolean unitRange(String text, int ns, int ue, String unit) {
        int n = text.length();
        if (ue + 1 < n && ArabicLiteral.isRangeMark(text.charAt(ue))) {
            int k = ue + 1;
            while (k < n
                    && k - ue <= NumberReader.MAX_ARABIC_DIGITS
                    && (NumberReader.isAsciiDigit(text.charAt(k)) || text.charAt(k) == '.')) {
                k++;
            }
            if (k > ue + 1 && text.startsWith(unit, k)) {
                return true;
            }
        }
        int before = ns - 1 - unit.length();
        return before > 0
                && ArabicLiteral.isRangeMark(text.charAt(ns - 1))
                && text.startsWith(unit, before)
                && NumberReader.isAsciiDigit(text.charAt(before - 1));
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
        if (WordLists.endingAt(rates, text, end) != null) {
            return true;
        }
        String w = WordLists.endingAt(ordinals, text, end);
        if (w == null) {
            return false;
        }
        return !w.equals("前") || WordLists.endingAt(notRanks, text, end) == null;
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
}
