package io.fazhi.engine.metadata;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.LineJoiner;

/**
 * The report's title and salutation, from its opening lines. The title is the opening line that best looks like
 * one (names the report, has a year, ends as titles end: {@link LineJoiner#endsAsTitle}); a title whose body's name
 * stands alone on the line above it is one title with that line. The salutation ({@code 中共XX县委、XX县人民政府:})
 * names the body the report is sent to.
 */
final class TitleFinder {
    static final Rule LINE = RuleCatalogue.define(
            "meta.title.line",
            "the title is the opening line that names the report (…年度报告, …工作总结, 法治政府建设…), preferring one with a"
                    + " year that ends as titles end");
    static final Rule BODY_LINE_ABOVE = RuleCatalogue.define(
            "meta.title.body-line-above",
            "a body's name alone on the line above the title (赵县人民政府 / 2022年度…报告) belongs to the title");
    static final Rule ADDRESSEE = RuleCatalogue.define(
            "meta.addressee.line",
            "a salutation line of the opening (中共XX县委、XX县人民政府:) names the body the report is sent to");

    /** The title: its line, its text (with the body line above when there is one) and that body line, or null. */
    record Title(ReportText.Line line, String text, ReportText.Line bodyLine) {}

    private final Bodies bodies;

    TitleFinder(Bodies bodies) {
        this.bodies = bodies;
    }

    /** 【工作总结】六安市公安局…报告: a site's bracketed tag before the title is not part of it. */
    private static ReportText.Line untagged(ReportText.Line l) {
        String s = l.text();
        if ((s.startsWith("【") && s.indexOf('】') > 0) || (s.startsWith("[") && s.indexOf(']') > 0)) {
            int close = Math.max(s.indexOf('】'), s.indexOf(']')) + 1;
            if (close < s.length() && close <= 10) {
                String rest = s.substring(close).strip();
                int start = l.end() - rest.length();
                return new ReportText.Line(start, l.end(), rest);
            }
        }
        return l;
    }

    Title title(ReportText rt, Trace trace) {
        ReportText.Line best = null;
        int bestScore = 0;
        int index = -1;
        for (int k = 0; k < rt.opening.size(); k++) {
            ReportText.Line l = untagged(rt.opening.get(k));
            int score = score(l.text());
            if (score > bestScore) {
                best = l;
                bestScore = score;
                index = k;
            }
        }
        if (best == null || bestScore < 4) {
            return null;
        }
        ReportText.Line above = index > 0 ? rt.opening.get(index - 1) : null;
        if (above != null && bodyName(above.text()) && startsBare(best.text())) {
            if (trace.enabled()) {
                trace.fired(BODY_LINE_ABOVE, above.start(), best.end(), above.text());
            }
            return new Title(best, above.text() + best.text(), above);
        }
        if (trace.enabled()) {
            trace.fired(LINE, best.start(), best.end(), best.text());
        }
        return new Title(best, best.text(), null);
    }

    /** A title line that names no body before its year (2022年度…报告, 关于2021年…的报告). */
    private static boolean startsBare(String t) {
        return Character.isDigit(t.charAt(0)) || Dates.chineseYearDigits(t, 0) >= 0 || t.startsWith("关于");
    }

    /** How much a line looks like a report title; below 4 it is none. */
    private int score(String s) {
        if (s.length() < 6 || s.length() > 80 || s.endsWith("。") || s.endsWith(":") || s.endsWith(",")) {
            return 0;
        }
        for (String start : ReportWords.NOT_TITLE_START) {
            if (s.startsWith(start)) {
                return 0;
            }
        }
        if (!ReportWords.any(s, ReportWords.REPORT)) {
            return 0;
        }
        int score = 1;
        if (Dates.firstYear(s, 0, s.length(), false) >= 0) {
            score += 3;
        }
        if (LineJoiner.endsAsTitle(s, 0, s.length())) {
            score += 3;
        }
        if (ReportWords.any(s, ReportWords.RULE_OF_LAW)) {
            score += 2;
        }
        if (s.contains(":") || s.contains("  ")) {
            score -= 4;
        }
        return score;
    }

    /** A line that is only an organisation's name (and no party committee's). */
    boolean bodyName(String line) {
        String s = line.strip();
        Bodies.Kind kind = bodies.kindOf(s);
        return s.length() <= Bodies.MAX_NAME
                && kind != null
                && kind != Bodies.Kind.PARTY
                && Bodies.nameChars(s)
                && s.length() > bodies.endingLength(s, s.length()) + 1;
    }

    /** The salutation among the opening lines before the title's first paragraph, or null. */
    ReportText.Line addressee(ReportText rt, Title title, Trace trace) {
        for (int k = 0; k < Math.min(rt.opening.size(), 6); k++) {
            ReportText.Line l = rt.opening.get(k);
            String s = l.text();
            if (title != null && l.start() == title.line().start()) {
                continue;
            }
            if (s.length() > 40 || !(s.endsWith(":"))) {
                if (s.length() >= 40) {
                    return null; // the first paragraph has begun
                }
                continue;
            }
            String names = s.substring(0, s.length() - 1);
            for (String part : names.split("[、,和 ]")) {
                if (bodies.kindOf(part) != null && Bodies.nameChars(part)) {
                    if (trace.enabled()) {
                        trace.fired(ADDRESSEE, l.start(), l.end(), s);
                    }
                    return l;
                }
            }
        }
        return null;
    }
}
