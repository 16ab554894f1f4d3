package io.fazhi.engine;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 4: quantities. A single forward scan over the normalised text; at a number (Arabic, or Chinese numerals,
 * or {@code 百分之…}) it reads the multipliers (万 亿 千), an inner approximation marker (余 多), then a measure word
 * from {@code engine/units.tsv}. What the taxonomy says is not a metric is rejected by local checks: years and
 * dates, ranges and plan periods, ordinals and ranks (第 前), numbers inside 《titles》 and short “slogans”, set
 * phrases ({@code engine/non-metric-phrases.txt}), a bare 一, model numbers. Every look-around is bounded, so the
 * scan is linear in the text.
 */
public final class MetricFinder {
    static final int MAX_METRICS = 20_000;
    private static final int MAX_ARABIC_DIGITS = 15;
    private static final int SENTENCE_REACH = 150;
    private static final int TITLE_REACH = 80;
    private static final int QUOTE_REACH = 12;

    static final Rule KEPT = RuleCatalogue.define(
            "metric.keep.measure-word", "a number followed by a measure word of the unit data is a metric");
    static final Rule NO_MEASURE_WORD = RuleCatalogue.define(
            "metric.drop.no-measure-word", "a number with no measure word after it counts nothing");
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
    static final Rule TITLE =
            RuleCatalogue.define("metric.exclude.title", "a number inside a 《title》 names a law, plan or document");
    static final Rule QUOTE = RuleCatalogue.define(
            "metric.exclude.short-quote", "a number inside a short quotation is part of a slogan or a name");

    record Unit(String text, String kind, String reported, String rollup, String[] notFollowedBy) {}

    private record Word(String text, String approx) {}

    private final Unit[][] unitsByFirst = new Unit[65536][];
    private final List<Word> approxBefore = new ArrayList<>();
    private final List<Word> approxAfter = new ArrayList<>();
    private final String[][] phrasesByFirst = new String[65536][];
    private final Labeller labeller = new Labeller();
    /** Characters that can start a number: ASCII digits, Chinese digits, 十, and 百 (百分之). */
    private static final boolean[] NUMBER_START = new boolean[65536];

    static {
        for (char c = '0'; c <= '9'; c++) {
            NUMBER_START[c] = true;
        }
        for (char c : "零〇一二两三四五六七八九十百".toCharArray()) {
            NUMBER_START[c] = true;
        }
    }

    public MetricFinder() {
        List<Unit> units = new ArrayList<>();
        for (String[] r : EngineData.rows("units.tsv", 5)) {
            String reported = r[2].isEmpty() ? r[0] : r[2];
            String[] nf = r[3].isEmpty() ? new String[0] : r[3].split(",");
            String rollup = r[4].isEmpty() ? reported : r[4];
            units.add(new Unit(r[0], r[1], reported, rollup, nf));
        }
        units.sort(Comparator.comparingInt((Unit u) -> u.text().length()).reversed());
        for (Unit u : units) {
            char c = u.text().charAt(0);
            Unit[] old = unitsByFirst[c];
            Unit[] now = old == null ? new Unit[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = u;
            unitsByFirst[c] = now;
        }
        for (String[] r : EngineData.rows("approx-words.tsv", 3)) {
            Word w = new Word(r[0], r[2].equals("none") ? null : r[2]);
            (r[1].equals("after") ? approxAfter : approxBefore).add(w);
        }
        approxBefore.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
        approxAfter.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
        for (String p : EngineData.lines("non-metric-phrases.txt")) {
            String phrase = p.strip();
            char c = phrase.charAt(0);
            String[] old = phrasesByFirst[c];
            String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = phrase;
            phrasesByFirst[c] = now;
        }
    }

    /** A number read from the text: {@code [start, end)}, its value, whether it was written in Chinese numerals. */
    private record Num(int start, int end, BigDecimal value, boolean chinese, boolean bare) {}

    /** Every metric in the text, in document order. */
    public List<Metric> find(String text) {
        return find(text, Trace.NONE);
    }

    /** Every metric in the text, in document order, reporting to {@code trace} which rule kept or dropped each number. */
    public List<Metric> find(String text, Trace trace) {
        List<Metric> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int prevEnd = 0;
        int prevSentenceStart = -1;
        String prevLabel = null;
        while (i < n && out.size() < MAX_METRICS) {
            char c = text.charAt(i);
            if (!NUMBER_START[c]) {
                i++;
                continue;
            }
            Num num;
            if (c >= '0' && c <= '9') {
                num = arabic(text, i);
            } else if (c == '百' && text.startsWith("百分之", i)) {
                num = percentWords(text, i);
            } else if (Numerals.digit(c) >= 0 || c == '十') {
                num = chinese(text, i);
            } else {
                i++;
                continue;
            }
            if (num == null) {
                i = Math.max(i + 1, skipRun(text, i));
                continue;
            }
            Metric m = metricAt(text, num, prevEnd, prevSentenceStart, prevLabel, trace);
            if (m == null) {
                i = Math.max(i + 1, num.end());
                continue;
            }
            out.add(m);
            int end = m.offset() + m.surface().length();
            prevEnd = end;
            prevSentenceStart = sentenceStart(text, m.offset());
            prevLabel = m.label();
            i = end;
        }
        return out;
    }

    private static int skipRun(String text, int i) {
        int n = text.length();
        int j = i;
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
            while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                j++;
            }
        } else {
            while (j < n && Numerals.isChineseNumeralChar(text.charAt(j))) {
                j++;
            }
        }
        return j;
    }

    // ---------------------------------------------------------------------------------------------- numbers

    private static Num arabic(String text, int i) {
        int n = text.length();
        if (i > 0) {
            char p = text.charAt(i - 1);
            if (isAsciiLetter(p) || p == '_' || p == '#') {
                return null; // model numbers, codes: G20, COVID-19 is caught below
            }
            if ((p == '.' || p == '/' || p == ':' || p == '-' || p == '~' || p == '—' || p == '至' || p == '到'
                            || p == '～')
                    && i > 1
                    && (Character.isDigit(text.charAt(i - 2)) || isAsciiLetter(text.charAt(i - 2)))) {
                return null; // second half of a range, a date, a time, a version
            }
        }
        int j = i;
        while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        if (j - i > MAX_ARABIC_DIGITS) {
            return null;
        }
        StringBuilder digits = new StringBuilder(24).append(text, i, j);
        // thousands separators: 1,234 (groups of exactly three)
        if (j - i <= 3) {
            while (j + 3 < n
                    && text.charAt(j) == ','
                    && isDigit3(text, j + 1)
                    && (j + 4 >= n || !Character.isDigit(text.charAt(j + 4)))
                    && digits.length() < MAX_ARABIC_DIGITS) {
                digits.append(text, j + 1, j + 4);
                j += 4;
            }
        }
        if (j + 1 < n && text.charAt(j) == '.' && Character.isDigit(text.charAt(j + 1))) {
            int k = j + 1;
            while (k < n && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
                k++;
            }
            if (k - j - 1 > 6) {
                return null;
            }
            digits.append(text, j, k);
            j = k;
        }
        if (j < n) {
            char f = text.charAt(j);
            if (isAsciiLetter(f) || f == '_') {
                return null;
            }
            if ((f == '-' || f == '/' || f == '~' || f == '～' || f == '—')
                    && j + 1 < n
                    && Character.isDigit(text.charAt(j + 1))) {
                return null; // first half of a range or a date: 2015-2020, 3-5天, 2019/11/26
            }
            if (f == '.' && j + 1 < n && Character.isDigit(text.charAt(j + 1))) {
                return null; // 1.2.3
            }
        }
        try {
            return new Num(i, j, new BigDecimal(digits.toString()), false, false);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isDigit3(String text, int k) {
        return Character.isDigit(text.charAt(k))
                && Character.isDigit(text.charAt(k + 1))
                && Character.isDigit(text.charAt(k + 2));
    }

    private static Num chinese(String text, int i) {
        int n = text.length();
        if (i > 0 && Numerals.isChineseNumeralChar(text.charAt(i - 1))) {
            return null; // the middle of a numeral (or of 千方百计)
        }
        int j = i;
        while (j < n && j - i < 17 && Numerals.isChineseNumeralChar(text.charAt(j))) {
            j++;
        }
        if (j - i > 16 || (j - i == 1 && Numerals.digit(text.charAt(i)) >= 0 && Numerals.digit(text.charAt(i)) <= 1)) {
            return null; // too long, or a bare 一 / 零 (进一步, 统一, 一是 …)
        }
        // a trailing 万/亿/千/百 belongs to the numeral only when a unit or 余/多 may follow; keep it in the run
        long v = Numerals.chineseValue(text, i, j);
        if (v < 0) {
            return null;
        }
        boolean bare = false; // a bare 一, 零 or 〇 was rejected above
        return new Num(i, j, BigDecimal.valueOf(v), true, bare);
    }

    private static Num percentWords(String text, int i) {
        int k = i + 3;
        if (k >= text.length()) {
            return null;
        }
        Num inner = Character.isDigit(text.charAt(k)) ? arabic(text, k) : chinese(text, k);
        if (inner == null) {
            return null;
        }
        return new Num(i, inner.end(), inner.value(), true, false);
    }

    // ---------------------------------------------------------------------------------------------- metrics

    private Metric metricAt(String text, Num num, int prevEnd, int prevSentenceStart, String prevLabel, Trace trace) {
        int n = text.length();
        int ns = num.start();
        boolean percentWords = text.charAt(ns) == '百' && text.startsWith("百分之", ns);
        BigDecimal value = num.value();
        int p = num.end();
        boolean moreThan = false;
        Unit unit;
        if (percentWords) {
            unit = new Unit("%", "percent", "%", "%", new String[0]);
        } else {
            if (num.bare()) {
                return null;
            }
            if (p < n
                    && (text.charAt(p) == '余' || text.charAt(p) == '多')
                    && p + 1 < n
                    && isMultiplier(text.charAt(p + 1))) {
                moreThan = true;
                p++;
            }
            int[] mult = multiplier(text, p);
            if (mult != null) {
                value = value.multiply(BigDecimal.TEN.pow(mult[0]));
                p += mult[1];
            }
            if (p < n && (text.charAt(p) == '余' || text.charAt(p) == '多')) {
                moreThan = true;
                p++;
            }
            int q = p;
            while (q < n && q - p < 2 && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                q++;
            }
            unit = unit(text, q);
            if (unit == null) {
                if (trace.enabled()) {
                    trace.fired(NO_MEASURE_WORD, ns, p, "dropped: no measure word");
                }
                return null;
            }
            p = q;
        }
        int ue = percentWords ? num.end() : p + unit.text().length();
        if (unit.kind().equals("none")) {
            return null;
        }
        if (!percentWords) {
            for (String nf : unit.notFollowedBy()) {
                if (text.startsWith(nf, ue)) {
                    return null;
                }
            }
        }
        Rule excluded = excludedBy(text, num, value, unit, ue);
        if (excluded != null) {
            if (trace.enabled()) {
                trace.fired(excluded, ns, ue, "dropped: " + excluded.summary());
            }
            return null;
        }
        String surface = text.substring(ns, ue);
        // approximation
        int afterLen = 0;
        String after = null;
        boolean afterMatched = false;
        for (Word w : approxAfter) {
            if (text.startsWith(w.text(), ue)) {
                after = w.approx();
                afterLen = w.text().length();
                afterMatched = true;
                break;
            }
        }
        int beforeLen = 0;
        String before = null;
        for (Word w : approxBefore) {
            int at = ns - w.text().length();
            if (at >= 0 && text.startsWith(w.text(), at)) {
                before = w.approx();
                beforeLen = w.text().length();
                break;
            }
        }
        String approx;
        if (moreThan) {
            approx = "more_than";
        } else if (afterMatched) {
            approx = after;
        } else {
            approx = before;
        }
        // label, sentence
        int sStart = sentenceStart(text, ns);
        String label = labeller.label(
                text,
                ns,
                beforeLen,
                ue,
                afterLen,
                unit.kind(),
                Math.max(prevEnd, sStart),
                prevLabel,
                prevSentenceStart == sStart,
                trace);
        String sentence = sentence(text, sStart, ue);
        String reported = unit.reported();
        BigDecimal plain = new BigDecimal(value.stripTrailingZeros().toPlainString());
        if (trace.enabled()) {
            trace.fired(KEPT, ns, ue, "kept: " + plain.toPlainString() + " " + reported);
        }
        return new Metric(plain, reported, unit.kind(), unit.rollup(), approx, label, null, surface, sentence, ns);
    }

    private static boolean isMultiplier(char c) {
        return c == '万' || c == '亿' || c == '千' || c == '百';
    }

    /** {power of ten, length} of a multiplier after an Arabic number or a numeral (万 亿 千 百万 千万 万亿), or null. */
    private static int[] multiplier(String text, int p) {
        if (p >= text.length()) {
            return null;
        }
        if (text.startsWith("千万", p)) {
            return new int[] {7, 2};
        }
        if (text.startsWith("百万", p)) {
            return new int[] {6, 2};
        }
        if (text.startsWith("万亿", p)) {
            return new int[] {12, 2};
        }
        switch (text.charAt(p)) {
            case '万':
                return new int[] {4, 1};
            case '亿':
                return new int[] {8, 1};
            case '千':
                return new int[] {3, 1};
            default:
                return null;
        }
    }

    private Unit unit(String text, int q) {
        if (q >= text.length()) {
            return null;
        }
        Unit[] candidates = unitsByFirst[text.charAt(q)];
        if (candidates == null) {
            return null;
        }
        for (Unit u : candidates) {
            if (text.startsWith(u.text(), q)) {
                return u;
            }
        }
        return null;
    }

    /** The taxonomy's non-metrics that local context can tell. */
    private Rule excludedBy(String text, Num num, BigDecimal value, Unit unit, int ue) {
        int ns = num.start();
        char prev = ns > 0 ? text.charAt(ns - 1) : '\n';
        if (prev == '第' || prev == '每' || prev == '#') {
            return ORDINAL; // ordinals, ranks, rates per unit
        }
        if (prev == '前' && (ns < 2 || "目当此之提以年日月事会节空最眼".indexOf(text.charAt(ns - 2)) < 0)) {
            return ORDINAL; // 前30名
        }
        String u = unit.text();
        if (u.equals("年")) {
            if (!num.chinese()
                    && value.scale() <= 0
                    && value.compareTo(BigDecimal.valueOf(1900)) >= 0
                    && value.compareTo(BigDecimal.valueOf(2100)) <= 0) {
                return YEAR; // a year
            }
            if (value.compareTo(BigDecimal.valueOf(200)) > 0) {
                return YEAR;
            }
        }
        if (u.equals("日") || u.equals("天")) {
            if (prev == '月' || value.compareTo(BigDecimal.valueOf(3660)) > 0) {
                return DATE; // a date; 201671日 is a garbled date
            }
        }
        if (unit.kind().equals("duration") && value.signum() == 0) {
            return ZERO_DURATION;
        }
        String[] phrases = phrasesByFirst[text.charAt(ns)];
        if (phrases != null) {
            for (String ph : phrases) {
                if (text.startsWith(ph, ns)) {
                    return SET_PHRASE;
                }
            }
        }
        if (insideTitle(text, ns, ue)) {
            return TITLE;
        }
        return insideShortQuote(text, ns, ue) ? QUOTE : null;
    }

    /** Inside 《…》 or <…> on the same line (names of laws, plans, documents). */
    static boolean insideTitle(String text, int from, int to) {
        int lo = Math.max(0, from - TITLE_REACH);
        boolean open = false;
        for (int k = from - 1; k >= lo; k--) {
            char c = text.charAt(k);
            if (c == '》' || c == '>' || c == '\n') {
                break;
            }
            if (c == '《' || c == '<' || c == '〈') {
                open = true;
                break;
            }
        }
        if (!open) {
            return false;
        }
        int hi = Math.min(text.length(), to + TITLE_REACH);
        for (int k = to; k < hi; k++) {
            char c = text.charAt(k);
            if (c == '》' || c == '>' || c == '〉') {
                return true;
            }
            if (c == '《' || c == '\n') {
                return false;
            }
        }
        return false;
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

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ---------------------------------------------------------------------------------------------- sentences

    private static boolean endsSentence(char c) {
        return c == '。' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '！' || c == '？' || c == '；';
    }

    static int sentenceStart(String text, int at) {
        int lo = Math.max(0, at - SENTENCE_REACH);
        int k = at - 1;
        while (k >= lo && !endsSentence(text.charAt(k))) {
            k--;
        }
        return k + 1;
    }

    private static String sentence(String text, int start, int from) {
        int n = text.length();
        int hi = Math.min(n, from + SENTENCE_REACH);
        int k = from;
        while (k < hi && !endsSentence(text.charAt(k))) {
            k++;
        }
        int end = k < n && text.charAt(k) != '\n' ? k + 1 : k;
        return text.substring(start, Math.min(end, n)).strip();
    }
}
