package io.fazhi.engine.metrics;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a quantity is exact, about ({@code 约}, {@code 近}, {@code 左右}) or a lower bound ({@code 余}, {@code 多},
 * {@code 超过}, {@code 以上}), from the words of {@code engine/approx-words.tsv} before the number, inside the surface
 * and after the measure word. An upper bound ({@code 不超过}, {@code 以内}) has no key, so it leaves the approximation
 * null; a look-alike ({@code 最近}, {@code 预约}) stops a shorter match.
 */
final class Approximations {
    static final Rule BEFORE = RuleCatalogue.define(
            "approx.before-word",
            "an approximation word right before the number (约, 近, 超过, 逾, 不少于) sets the approximation");
    static final Rule AFTER = RuleCatalogue.define(
            "approx.after-word",
            "an approximation word right after the measure word (左右, 以上, 之多) sets the approximation");
    static final Rule INNER = RuleCatalogue.define(
            "approx.inner",
            "余, 多 or 来 between the numeral and its measure word or multiplier (10余人, 500余万元, 二十来人) is kept in the surface");
    static final Rule ROUND = RuleCatalogue.define(
            "approx.round", "数 or 上 before a numeral that starts with a multiplier (数十家, 上千人) makes it a lower bound");
    static final Rule UPPER_BOUND = RuleCatalogue.define(
            "approx.upper-bound", "an upper bound (不超过, 不足, 以内, 内) has no approximation key: approx stays null");
    static final Rule NOT_APPROX = RuleCatalogue.define(
            "approx.look-alike",
            "a word that holds an approximation word but is none (最近, 预约, 签约) is no approximation");

    /** Where a word stands. */
    enum Where {
        BEFORE,
        AFTER,
        INNER,
        BEFORE_ROUND
    }

    /** A word of the data and what it says: "about", "more_than", or null for an upper bound or a look-alike. */
    record Word(String text, Where where, String approx, boolean upperBound) {}

    /**
     * The approximation of a quantity and the words that decided it.
     *
     * @param approx    null, "about" or "more_than"
     * @param beforeLen length of the word right before the number (spaces included), 0 when none
     * @param afterLen  length of the word right after the measure word, 0 when none
     */
    record Found(String approx, int beforeLen, int afterLen) {}

    private final List<Word> before = new ArrayList<>();
    private final List<Word> after = new ArrayList<>();
    private final List<Word> inner = new ArrayList<>();
    private final List<Word> round = new ArrayList<>();

    Approximations() {
        for (String[] r : EngineData.rows("approx-words.tsv", 3)) {
            Where where = switch (r[1]) {
                case "before" -> Where.BEFORE;
                case "after" -> Where.AFTER;
                case "inner" -> Where.INNER;
                case "before-round" -> Where.BEFORE_ROUND;
                default -> throw new IllegalStateException("approx-words.tsv: unknown place " + r[1]);
            };
            String approx = switch (r[2]) {
                case "about", "more_than" -> r[2];
                case "upper_bound", "not_approx" -> null;
                default -> throw new IllegalStateException("approx-words.tsv: unknown reading " + r[2]);
            };
            Word w = new Word(r[0], where, approx, r[2].equals("upper_bound"));
            switch (where) {
                case BEFORE -> before.add(w);
                case AFTER -> after.add(w);
                case INNER -> inner.add(w);
                default -> round.add(w);
            }
        }
        Comparator<Word> longestFirst =
                Comparator.comparingInt((Word w) -> w.text().length()).reversed();
        for (List<Word> words : List.of(before, after, inner, round)) {
            words.sort(longestFirst);
        }
    }

    /** The inner word (余, 多, 来) at {@code at}, or null. */
    Word innerAt(String text, int at) {
        return startingAt(inner, text, at);
    }

    /**
     * The approximation of the quantity whose number is {@code [ns, …)} and whose measure word ends at {@code ue}.
     * An inner word ({@code innerWord}, at {@code innerAt}) wins over a word after the measure word, which wins over
     * a word before the number.
     *
     * @param ledByPower the numeral starts with a multiplier, so 数 and 上 before it mark a round number
     * @param openDigit  a 几 stands for a digit of the numeral, so its value is a lower bound
     */
    Found find(
            String text,
            int ns,
            int ue,
            Word innerWord,
            int innerAt,
            boolean ledByPower,
            boolean openDigit,
            Trace trace) {
        Word a = startingAt(after, text, ue);
        Word b = null;
        int bLen = 0;
        int end = ns;
        if (end > 0 && NumberReader.isSpace(text.charAt(end - 1))) {
            end--; // 约 300人
        }
        if (ledByPower) {
            b = endingAt(round, text, end);
        }
        if (b == null) {
            b = endingAt(before, text, end);
        }
        if (b != null) {
            bLen = ns - (end - b.text().length());
        }
        String approx;
        if (innerWord != null) {
            approx = innerWord.approx();
        } else if (openDigit) {
            approx = "more_than"; // 二十几万: the 几 is a lower bound
        } else if (a != null) {
            approx = a.approx();
        } else {
            approx = b == null ? null : b.approx();
        }
        if (trace.enabled()) {
            if (innerWord != null) {
                trace.fired(INNER, innerAt, innerAt + innerWord.text().length(), innerWord.text() + ": " + approx);
            }
            report(trace, a, ns, ue + (a == null ? 0 : a.text().length())); // the quantity and its word
            report(trace, b, ns - bLen, ue);
        }
        return new Found(approx, bLen, a == null ? 0 : a.text().length());
    }

    /** Whether an approximation marks a bare multiplier (近百, 上千, 数万) before it or inside (百余, 千多). */
    boolean marksRound(String text, int ns, Word innerWord) {
        if (innerWord != null && innerWord.approx() != null) {
            return true;
        }
        int end = ns > 0 && NumberReader.isSpace(text.charAt(ns - 1)) ? ns - 1 : ns;
        Word b = endingAt(round, text, end);
        if (b == null) {
            b = endingAt(before, text, end);
        }
        return b != null && b.approx() != null;
    }

    private static void report(Trace trace, Word w, int from, int to) {
        if (w == null) {
            return;
        }
        Rule rule = w.approx() == null
                ? w.upperBound() ? UPPER_BOUND : NOT_APPROX
                : w.where() == Where.BEFORE_ROUND ? ROUND : w.where() == Where.AFTER ? AFTER : BEFORE;
        trace.fired(rule, from, to, w.text() + ": " + (w.approx() == null ? "no approximation" : w.approx()));
    }

    private static Word startingAt(List<Word> words, String text, int at) {
        for (Word w : words) {
            if (text.startsWith(w.text(), at)) {
                return w;
            }
        }
        return null;
    }

    private static Word endingAt(List<Word> words, String text, int end) {
        for (Word w : words) {
            int at = end - w.text().length();
            if (at >= 0 && text.startsWith(w.text(), at)) {
                return w;
            }
        }
        return null;
    }
}
