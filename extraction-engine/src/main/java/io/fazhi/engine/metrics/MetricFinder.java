package io.fazhi.engine.metrics;

import io.fazhi.engine.Labeller;
import io.fazhi.engine.Metric;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.Sentences;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 4: quantities. A single forward scan over the normalised text: at each number ({@link NumberReader}) it
 * takes an inner approximation ({@code 余}, {@code 多}) and a measure word ({@link Units}), lets the exclusions
 * ({@link Exclusions}) drop what the taxonomy says is not a metric, reads the approximation ({@link
 * Approximations}) and asks the {@link Labeller} what is counted. Each decision is a named rule reported to the
 * trace: {@code metric.keep.*} keeps a number, {@code metric.drop.*} and {@code metric.exclude.*} drop it. Every
 * look-around is bounded, so the scan is linear in the text.
 */
public final class MetricFinder {
    /** At most this many metrics per text; the rest are ignored (the extractor warns). */
    public static final int MAX_METRICS = 20_000;

    static final Rule KEPT = RuleCatalogue.define(
            "metric.keep.measure-word", "a number followed by a measure word of the unit data is a metric");
    static final Rule KEPT_RATE = RuleCatalogue.define(
            "metric.keep.percent-words", "百分之 or 千分之 before a number makes it a rate (百分之百, 千分之三)");
    static final Rule NO_MEASURE_WORD = RuleCatalogue.define(
            "metric.drop.no-measure-word", "a number with no measure word after it counts nothing");
    static final Rule MALFORMED = RuleCatalogue.define(
            "metric.drop.malformed-numeral",
            "digits in a row or out of order (十四五, 二〇一九, 三四百) name something or give a range, not one value");
    static final Rule AMBIGUOUS = RuleCatalogue.define(
            "metric.drop.ambiguous-numeral",
            "an Arabic tail too short for its place (3万4: 34000 or 30004?) cannot be read exactly, so it is dropped");
    static final Rule LONE_ONE = RuleCatalogue.define(
            "metric.drop.lone-one", "a lone 一 or 零 before a measure word is an article or an idiom (一件事, 一站式, 零跑腿)");
    static final Rule LONE_FINANCIAL = RuleCatalogue.define(
            "metric.drop.lone-financial", "a lone financial digit is a word character (队伍, 陆续, 收拾), not a number");
    static final Rule BARE = RuleCatalogue.define(
            "metric.drop.bare-multiplier",
            "百, 千 or 万 with no digit and no approximation is part of a word (千家万户, 万人), not a number");
    static final Rule ROUND = RuleCatalogue.define(
            "number.bare-multiplier",
            "a multiplier with no digit is a round number when an approximation marks it (近百人, 上千家, 万余人)");
    static final Rule RUNS_ON = RuleCatalogue.define(
            "metric.drop.unit-runs-on", "a measure word that runs on into a longer word (3部门, 5项目, 2人大) is no unit");
    static final Rule NOT_A_MEASURE = RuleCatalogue.define(
            "metric.drop.not-a-measure",
            "a word of the unit data that measures nothing (周年, 周岁, 月份) blocks a shorter unit");

    private final Units units = new Units();
    private final Approximations approximations = new Approximations();
    private final NumberReader numbers = new NumberReader(approximations);
    private final Exclusions exclusions = new Exclusions(units);
    private final Labeller labeller = new Labeller();

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
            if (!NumberReader.mayStart(text.charAt(i))) {
                i++;
                continue;
            }
            NumberReader.Number num = numbers.read(text, i, trace);
            if (num == null) {
                i = skipRun(text, i);
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
            prevSentenceStart = Sentences.start(text, m.offset());
            prevLabel = m.label();
            i = end;
        }
        return out;
    }

    /** Past the digits or numeral characters at {@code i}: a number not read there is not read from its middle. */
    private static int skipRun(String text, int i) {
        int n = text.length();
        int j = i + 1;
        boolean arabic = NumberReader.isAsciiDigit(text.charAt(i));
        while (j < n && j - i < 64) {
            char c = text.charAt(j);
            if (arabic ? NumberReader.isAsciiDigit(c) : NumberReader.mayStart(c) && c != '.') {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private Metric metricAt(
            String text, NumberReader.Number num, int prevEnd, int prevSentenceStart, String prevLabel, Trace trace) {
        int ns = num.start();
        Rule unreadable = num.problem() == null
                ? null
                : switch (num.problem()) {
                    case MALFORMED -> MALFORMED;
                    case AMBIGUOUS -> AMBIGUOUS;
                    case CODE -> Exclusions.CODE;
                    case RANGE -> Exclusions.RANGE;
                    default -> null; // lone digits and bare multipliers: decided once the measure word is known
                };
        if (unreadable != null) {
            if (trace.enabled()) {
                trace.fired(unreadable, ns, num.end(), "dropped: " + unreadable.summary());
            }
            return null;
        }
        Units.Unit unit;
        int ue;
        Approximations.Word inner = null;
        int innerAt = -1;
        if (num.percentUnit() != null) {
            unit = units.rate(num.percentUnit());
            ue = num.end();
        } else {
            int p = num.end();
            if (num.innerApprox() >= 0) {
                innerAt = num.innerApprox();
                inner = approximations.innerAt(text, innerAt);
            }
            int q = NumberReader.skipSpaces(text, p);
            Approximations.Word w = inner == null ? approximations.innerAt(text, q) : null;
            if (w != null) {
                int r = NumberReader.skipSpaces(text, q + w.text().length());
                if (units.at(text, r) != null) {
                    inner = w; // 10余人, 300 余人次
                    innerAt = q;
                    q = r;
                }
            }
            unit = units.at(text, q);
            if (unit == null) {
                if (trace.enabled() && num.problem() == null) {
                    trace.fired(NO_MEASURE_WORD, ns, p, "dropped: no measure word");
                }
                return null;
            }
            ue = q + unit.text().length();
            Rule dropped = dropped(text, num, unit, inner, ue);
            if (dropped != null) {
                if (trace.enabled()) {
                    trace.fired(dropped, ns, ue, "dropped: " + dropped.summary());
                }
                return null;
            }
            if (trace.enabled()) {
                if (num.bare()) {
                    trace.fired(ROUND, ns, ue, "a round number marked by an approximation");
                }
                if (hasSpace(text, p, q)) {
                    trace.fired(Units.SPACED, ns, ue, "spacing kept: " + text.substring(ns, ue));
                }
                if (unit.shorter() != null) {
                    trace.fired(
                            Units.LONGEST,
                            q,
                            ue,
                            unit.text() + " over " + unit.shorter().text());
                }
            }
        }
        BigDecimal value = num.value();
        Rule excluded = exclusions.excludedBy(text, num, value, unit, ue);
        if (excluded != null) {
            if (trace.enabled()) {
                trace.fired(
                        excluded,
                        ns,
                        ue,
                        "dropped (read as " + value.stripTrailingZeros().toPlainString() + " " + unit.reported() + "): "
                                + excluded.summary());
            }
            return null;
        }
        Approximations.Found approx = approximations.find(
                text,
                ns,
                ue,
                inner,
                innerAt,
                num.ledByPower(),
                num.reading() != null && num.reading().unknown(),
                trace);
        int sStart = Sentences.start(text, ns);
        String label = labeller.label(
                text,
                ns,
                approx.beforeLen(),
                ue,
                approx.afterLen(),
                unit.kind(),
                Math.max(prevEnd, sStart),
                prevLabel,
                prevSentenceStart == sStart,
                trace);
        String sentence = Sentences.around(text, sStart, ue);
        BigDecimal plain = new BigDecimal(value.stripTrailingZeros().toPlainString());
        if (trace.enabled()) {
            trace.fired(
                    Units.MEASURE_WORD,
                    ue - unit.text().length(),
                    ue,
                    unit.text() + ": " + unit.kind() + ", rolls up as " + unit.rollup());
            trace.fired(
                    num.percentUnit() != null ? KEPT_RATE : KEPT,
                    ns,
                    ue,
                    "kept: " + plain.toPlainString() + " " + unit.reported());
        }
        return new Metric(
                plain,
                unit.reported(),
                unit.kind(),
                unit.rollup(),
                approx.approx(),
                label,
                null,
                text.substring(ns, ue),
                sentence,
                ns);
    }

    private static boolean hasSpace(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (NumberReader.isSpace(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Why a number with a measure word after it is still no quantity, or null. */
    private Rule dropped(String text, NumberReader.Number num, Units.Unit unit, Approximations.Word inner, int ue) {
        if (num.problem() == NumberReader.Problem.LONE_ONE) {
            return LONE_ONE;
        }
        if (num.problem() == NumberReader.Problem.LONE_FINANCIAL) {
            return LONE_FINANCIAL;
        }
        if (num.bare() && !approximations.marksRound(text, num.start(), inner)) {
            return BARE;
        }
        if (!unit.measures()) {
            return NOT_A_MEASURE;
        }
        return Units.runsOnInto(unit, text, ue) != null ? RUNS_ON : null;
    }
}
