package io.fazhi.engine.metrics;

import io.fazhi.engine.Numerals;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.math.BigDecimal;

/**
 * Where a number starts and ends in the text, and its value: Arabic digits (thousands separators, decimals, a
 * leading dot), Chinese numerals in their common, financial and Traditional forms ({@link Numerals}), both mixed
 * ({@code 3万4000}, {@code 2千零30万}), {@code 几} as an open digit, {@code 点} decimals, {@code 余}/{@code 多}
 * between a numeral and its multiplier ({@code 500余万}), and {@code 百分之…}/{@code 千分之…}. A form that cannot be
 * read exactly is reported with its problem, never guessed. Stateless; every look-around is bounded.
 */
final class NumberReader {
    /** More Arabic digits than this is an id or a code, not a quantity. */
    static final int MAX_ARABIC_DIGITS = 15;

    static final int MAX_DECIMALS = 6;
    private static final int MAX_SPACES = 2;

    static final Rule CHINESE = RuleCatalogue.define(
            "number.chinese", "a numeral in Chinese characters is read by place (二十三, 一百零五, 一万五千)");
    static final Rule COLLOQUIAL = RuleCatalogue.define(
            "number.colloquial-tail",
            "a last digit right after 百, 千, 万 or 亿 takes the place below it (一万三 is 13000, 九百九 is 990)");
    static final Rule ZERO_GAP = RuleCatalogue.define(
            "number.zero-gap", "零 marks a skipped place, so the digit after it keeps its own place (一千零五 is 1005)");
    static final Rule FINANCIAL =
            RuleCatalogue.define("number.financial", "financial numerals (壹贰叁肆伍陆柒捌玖拾佰仟) read as their common forms");
    static final Rule TRADITIONAL = RuleCatalogue.define(
            "number.traditional-form", "萬, 億 and 兩 as a Traditional or mixed text writes them read as 万, 亿 and 两");
    static final Rule WAN_YI = RuleCatalogue.define(
            "number.wan-yi", "亿 multiplies everything before it, 万 groups too (一万五千亿, 4.78万亿, 二十万亿)");
    static final Rule MULTIPLIER = RuleCatalogue.define(
            "number.multiplier", "Arabic digits times a Chinese multiplier (1.5万, 3千, 20亿, 1,100万)");
    static final Rule MIXED = RuleCatalogue.define(
            "number.mixed",
            "Arabic digits and Chinese multipliers in one number read by place (3万4000, 25万6千, 2千零30万)");
    static final Rule SPACED_MULTIPLIER = RuleCatalogue.define(
            "number.spaced-multiplier",
            "a space between Arabic digits and their multiplier (12.5 万) is kept in the surface");
    static final Rule THOUSANDS = RuleCatalogue.define(
            "number.thousands-separator",
            "commas, or spaces as the national standard for numbers allows, between groups of three digits are thousands"
                    + " separators (1,234; 1 234)");
    static final Rule DECIMAL =
            RuleCatalogue.define("number.decimal", "a dot between digits is a decimal point (12.5)");
    static final Rule LEADING_DOT =
            RuleCatalogue.define("number.leading-dot", "a dot before digits with no digit before it is a decimal (.5)");
    static final Rule CHINESE_DECIMAL = RuleCatalogue.define(
            "number.chinese-decimal", "点 between Chinese digits is a decimal point (三点五), not a clock time (九点三十分)");
    static final Rule UNKNOWN_DIGIT = RuleCatalogue.define(
            "number.unknown-digit",
            "几 stands for a digit left open and gives a lower bound (二十几万 is more than 200000)");
    static final Rule PERCENT_WORDS = RuleCatalogue.define(
            "number.percent-words", "百分之 and 千分之 before a number make it a percentage or a per-mille rate");

    /** Why a form that looks like a number has no value. */
    enum Problem {
        /** Digits in a row, multipliers out of order, too long: 十四五, 二〇一九, 三四百. */
        MALFORMED,
        /** An Arabic tail too short for its place: 3万4. */
        AMBIGUOUS,
        /** Digits in a code or a model number: G20, 5G, COVID-19. */
        CODE,
        /** A range, a date, a time or a version: 2015-2020, 3-5天, 2019/11/26, 10:30, 1.2.3. */
        RANGE,
        /** A lone 一 or 零: an article or an idiom (一是, 进一步, 零跑腿), not a count. */
        LONE_ONE,
        /** A lone financial digit: a word character (伍 of 队伍, 陆 of 陆续, 拾 of 收拾). */
        LONE_FINANCIAL,
        /** A multiplier with no digit (百 千 万): a round number only with an approximation (近百, 上千, 万余). */
        BARE
    }

    /**
     * A number read at {@code [start, end)}.
     *
     * @param value       the value (a lower bound when {@code unknown}); null when there is a problem
     * @param problem     why it has no exact value, or null
     * @param percentUnit "%" or "‰" for 百分之… and 千分之…, else null
     * @param innerApprox where a 余 or 多 stands between the numeral and its multiplier (500余万), else -1
     * @param ledByPower  the numeral starts with a multiplier (十, 百, 千, 万): 数十, 上百 and 近千 mark it
     * @param reading     what the grammar said, for the rules to report; null for a plain Arabic number
     */
    record Number(
            int start,
            int end,
            BigDecimal value,
            Problem problem,
            String percentUnit,
            int innerApprox,
            boolean chinese,
            boolean ledByPower,
            Numerals.Reading reading) {

        boolean bare() {
            return problem == Problem.BARE;
        }
    }

    /** Characters at which a number may start: digits, the numeral alphabet, 几 and a leading dot. */
    private static final boolean[] START = new boolean[65536];

    static {
        for (char c = '0'; c <= '9'; c++) {
            START[c] = true;
        }
        for (int c = 0; c < 65536; c++) {
            if (Numerals.isChineseNumeralChar((char) c) || Numerals.isUnknownDigit((char) c)) {
                START[c] = true;
            }
        }
        START['.'] = true;
    }

    private final Approximations approximations;

    NumberReader(Approximations approximations) {
        this.approximations = approximations;
    }

    static boolean mayStart(char c) {
        return START[c];
    }

    /**
     * The number starting at {@code i}, or null when there is none there (a code such as G20, the second half of
     * a range or a date, the middle of a numeral, a lone 几). Rules that read the value are reported to {@code
     * trace}.
     */
    Number read(String text, int i, Trace trace) {
        char c = text.charAt(i);
        if ((c == '百' || c == '千') && text.startsWith("分之", i + 1) && i + 3 < text.length()) {
            Number inner = numeral(text, i + 3, trace);
            if (inner == null || inner.problem() == Problem.MALFORMED || inner.problem() == Problem.AMBIGUOUS) {
                return inner == null ? null : withStart(inner, i); // 百分之百 and 百分之一 are rates
            }
            if (trace.enabled()) {
                trace.fired(PERCENT_WORDS, i, inner.end(), c == '百' ? "a percentage" : "a per-mille rate");
            }
            return new Number(
                    i, inner.end(), inner.value(), null, c == '百' ? "%" : "‰", -1, true, false, inner.reading());
        }
        return numeral(text, i, trace);
    }

    private static Number withStart(Number n, int start) {
        return new Number(
                start,
                n.end(),
                n.value(),
                n.problem(),
                n.percentUnit(),
                n.innerApprox(),
                n.chinese(),
                n.ledByPower(),
                n.reading());
    }

    private Number numeral(String text, int i, Trace trace) {
        int n = text.length();
        char first = text.charAt(i);
        if (i > 0) {
            char p = text.charAt(i - 1);
            if (isAsciiDigit(p) || !isAsciiDigit(first) && first != '.' && isNumeralChar(p)) {
                return null; // the middle of a number (an Arabic number may follow a word such as 统一)
            }
        }
        Numerals.Grammar g = new Numerals.Grammar();
        int j = i;
        int innerApprox = -1;
        boolean chinese = false;
        boolean financial = false;
        boolean traditional = false;
        boolean thousands = false;
        boolean decimal = false;
        boolean leadingDot = false;
        boolean chineseDecimal = false;
        int spacedAt = -1;
        boolean arabic = false;
        int powers = 0;
        boolean ok = true;
        while (j < n && j - i <= Numerals.MAX_CHARS) {
            char c = text.charAt(j);
            if (isAsciiDigit(c) || c == '.' && j == i) {
                ArabicLiteral lit = ArabicLiteral.read(text, j, j == i);
                if (lit == null || lit.problem() != null) {
                    if (j == i) {
                        return lit == null
                                ? null
                                : new Number(i, lit.end(), null, lit.problem(), null, -1, false, false, null);
                    }
                    ok = false;
                    break;
                }
                if (lit.digits() > MAX_ARABIC_DIGITS || !g.digit(lit.value(), Math.max(1, lit.digits()))) {
                    ok = false;
                    break;
                }
                arabic = true;
                thousands |= lit.thousands();
                decimal |= lit.decimal() && !lit.leadingDot();
                leadingDot |= lit.leadingDot();
                j = lit.end();
                int s = skipSpaces(text, j);
                if (s > j && s < n && Numerals.power(text.charAt(s)) >= 2) {
                    spacedAt = j;
                    j = s; // 12.5 万元
                }
                continue;
            }
            if (Numerals.isChineseNumeralChar(c) || Numerals.isUnknownDigit(c)) {
                int d = Numerals.digit(c);
                boolean fed;
                if (Numerals.isUnknownDigit(c)) {
                    fed = g.unknown();
                } else if (Numerals.isZero(c)) {
                    fed = g.zero();
                } else if (d >= 0) {
                    fed = g.digit(BigDecimal.valueOf(d), 0);
                } else {
                    fed = g.power(Numerals.power(c));
                    powers++;
                }
                if (!fed) {
                    ok = false;
                    break;
                }
                chinese = true;
                financial |= Numerals.isFinancial(c);
                traditional |= Numerals.isTraditional(c);
                j++;
                int k = chineseFraction(text, j);
                if (k > j) {
                    if (!g.fraction(fraction(text, j + 1, k))) {
                        ok = false;
                        break;
                    }
                    chineseDecimal = true;
                    j = k;
                }
                continue;
            }
            Approximations.Word w = j > i && innerApprox < 0 ? approximations.innerAt(text, j) : null;
            if (w != null
                    && w.approx() != null
                    && j + w.text().length() < n
                    && Numerals.power(text.charAt(j + w.text().length())) >= 4) {
                innerApprox = j; // 500余万, 十多万, 一千多万
                j += w.text().length();
                continue;
            }
            break;
        }
        if (!ok) {
            return new Number(i, runEnd(text, j), null, Problem.MALFORMED, null, -1, !arabic, false, null);
        }
        if (j == i) {
            return null;
        }
        Numerals.Reading r = g.end();
        if (j - i == 1 && chinese) {
            if (first == '一' || Numerals.isZero(first)) {
                return new Number(i, j, r.value(), Problem.LONE_ONE, null, -1, true, false, r);
            }
            if (Numerals.isFinancial(first)) {
                return new Number(i, j, r.value(), Problem.LONE_FINANCIAL, null, -1, true, false, r);
            }
        }
        boolean ledByPower = Numerals.power(first) > 0;
        if (r.problem() != null) {
            Problem p = r.problem() == Numerals.Problem.AMBIGUOUS ? Problem.AMBIGUOUS : Problem.MALFORMED;
            return new Number(i, runEnd(text, j), null, p, null, -1, !arabic, ledByPower, r);
        }
        if (r.unknown() && r.value().signum() == 0) {
            return null; // 几 alone: 几个, 几乎
        }
        Number num =
                new Number(i, j, r.value(), r.bare() ? Problem.BARE : null, null, innerApprox, !arabic, ledByPower, r);
        if (trace.enabled()) {
            Flags f = new Flags(
                    chinese && !arabic,
                    arabic && powers > 0,
                    financial,
                    traditional,
                    thousands,
                    decimal,
                    leadingDot,
                    chineseDecimal,
                    spacedAt >= 0);
            fire(trace, i, j, r, f);
        }
        return num;
    }

    /** How a number was written, for the rules to report. */
    private record Flags(
            boolean chinese,
            boolean multiplied,
            boolean financial,
            boolean traditional,
            boolean thousands,
            boolean decimal,
            boolean leadingDot,
            boolean chineseDecimal,
            boolean spaced) {}

    private static void fire(Trace trace, int i, int j, Numerals.Reading r, Flags f) {
        String value = r.value().stripTrailingZeros().toPlainString();
        fireIf(trace, f.chinese(), CHINESE, i, j, "read as " + value);
        fireIf(
                trace,
                r.colloquial(),
                COLLOQUIAL,
                i,
                j,
                "the last digit takes the place below its multiplier: " + value);
        fireIf(trace, r.zeroGap(), ZERO_GAP, i, j, "零 skips a place: " + value);
        fireIf(trace, f.financial(), FINANCIAL, i, j, "financial numerals: " + value);
        fireIf(trace, f.traditional(), TRADITIONAL, i, j, "Traditional forms: " + value);
        fireIf(trace, r.wanYi(), WAN_YI, i, j, "亿 over a 万 group: " + value);
        fireIf(trace, r.mixed(), MIXED, i, j, "Arabic digits with Chinese multipliers: " + value);
        fireIf(trace, f.multiplied() && !r.mixed(), MULTIPLIER, i, j, "times its multiplier: " + value);
        fireIf(trace, f.spaced(), SPACED_MULTIPLIER, i, j, "spaced multiplier: " + value);
        fireIf(trace, f.thousands(), THOUSANDS, i, j, "thousands separators: " + value);
        fireIf(trace, f.decimal(), DECIMAL, i, j, "decimal: " + value);
        fireIf(trace, f.leadingDot(), LEADING_DOT, i, j, "leading dot: " + value);
        fireIf(trace, f.chineseDecimal(), CHINESE_DECIMAL, i, j, "点 decimal: " + value);
        fireIf(trace, r.unknown(), UNKNOWN_DIGIT, i, j, "几 gives a lower bound: " + value);
    }

    private static void fireIf(Trace trace, boolean when, Rule rule, int i, int j, String detail) {
        if (when) {
            trace.fired(rule, i, j, detail);
        }
    }

    /** The end of {@code 点} and the Chinese digits after it (三点五), or {@code j} when there is no decimal there. */
    private static int chineseFraction(String text, int j) {
        int n = text.length();
        if (j + 1 >= n || text.charAt(j) != '点' || Numerals.digit(text.charAt(j + 1)) < 0) {
            return j;
        }
        int k = j + 1;
        while (k < n && k - j <= MAX_DECIMALS && Numerals.digit(text.charAt(k)) >= 0) {
            k++;
        }
        int pw = k < n ? Numerals.power(text.charAt(k)) : 0;
        if (k < n && (pw > 0 && pw < 4 || text.charAt(k) == '分' || text.charAt(k) == '时')) {
            return j; // 九点三十分, 九点三分: a clock time
        }
        return k;
    }

    private static BigDecimal fraction(String text, int from, int to) {
        StringBuilder b = new StringBuilder(to - from + 2).append("0.");
        for (int k = from; k < to; k++) {
            b.append((char) ('0' + Numerals.digit(text.charAt(k))));
        }
        return new BigDecimal(b.toString());
    }

    /** The end of the maximal run of numeral characters and digits from {@code j}. */
    private static int runEnd(String text, int j) {
        int n = text.length();
        int k = j;
        while (k < n && k - j < 64 && (isNumeralChar(text.charAt(k)) || isAsciiDigit(text.charAt(k)))) {
            k++;
        }
        return k;
    }

    static int skipSpaces(String text, int j) {
        int n = text.length();
        int k = j;
        while (k < n && k - j < MAX_SPACES && isSpace(text.charAt(k))) {
            k++;
        }
        return k;
    }

    /** ASCII space, tab, NBSP, ideographic (full-width) space and the thin spaces sites put between a number and its unit. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u3000' || c == '\u2009' || c == '\u202f';
    }

    private static boolean isNumeralChar(char c) {
        return Numerals.isChineseNumeralChar(c) || Numerals.isUnknownDigit(c);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
