package io.fazhi.engine.metadata;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.List;

/** The date the report was published: a labelled date of the page, else a bare date among its fields, else the signing date. */
final class PublishedFinder {
    static final Rule LABELLED = RuleCatalogue.define(
            "meta.published.labelled",
            "a date labelled as the page's (发布日期, 发布时间, 时间, 日期 …) in the page chrome or the opening is the publication"
                    + " date");
    static final Rule BARE_DATE = RuleCatalogue.define(
            "meta.published.bare-date",
            "a chrome line that starts with a date (2022-03-29 17:13 来源: …, a field of the page's information table), or"
                    + " an opening line that is only a date, is the publication date");
    static final Rule SIGNATURE = RuleCatalogue.define(
            "meta.published.signature", "a last line that is only a date (the signing date) is the publication date");

    /** Labels of a publication date, the most telling first; 成文日期 is the signing date, used last. */
    private static final List<String> LABELS = ReportWords.DATE_LABELS;

    String published(ReportText rt, Trace trace) {
        for (String label : LABELS) {
            for (String line : rt.chrome) {
                String d = labelled(line, label);
                if (d != null) {
                    return fired(trace, LABELLED, 0, 0, label + " " + d, d);
                }
            }
            int headEnd = Math.min(rt.text.length(), 600);
            String head = rt.text.substring(0, headEnd);
            int at = head.indexOf(label);
            String d = labelled(head, label);
            if (d != null) {
                return fired(trace, LABELLED, at, at + label.length(), label + " " + d, d);
            }
        }
        for (String line : rt.chrome) {
            String bare = leadingDate(line);
            if (bare != null) {
                return fired(trace, BARE_DATE, 0, 0, line, bare);
            }
        }
        for (ReportText.Line line : rt.opening) {
            String bare = line.text().length() <= 24 ? bareDate(line.text()) : null;
            if (bare != null) {
                return fired(trace, BARE_DATE, line.start(), line.end(), line.text(), bare);
            }
        }
        for (int k = rt.last.size() - 1; k >= 0 && k >= rt.last.size() - 3; k--) {
            ReportText.Line line = rt.last.get(k);
            String d = line.text().length() <= 20 ? bareDate(line.text()) : null;
            if (d != null) {
                return fired(trace, SIGNATURE, line.start(), line.end(), line.text(), d);
            }
        }
        return null;
    }

    private static String fired(Trace trace, Rule rule, int start, int end, String detail, String date) {
        if (trace.enabled()) {
            trace.fired(rule, start, end, detail);
        }
        return date;
    }

    /** The date after {@code label} in {@code s} (after a colon or spaces), or null. */
    static String labelled(String s, String label) {
        int at = s.indexOf(label);
        while (at >= 0) {
            int k = at + label.length();
            int limit = k + 3;
            while (k < s.length() && k < limit && (s.charAt(k) == ':' || s.charAt(k) == ' ' || s.charAt(k) == ':')) {
                k++;
            }
            String d = Dates.date(s, k);
            if (d != null) {
                return d;
            }
            at = s.indexOf(label, at + label.length());
        }
        return null;
    }

    /** The date a chrome line starts with (bullets aside), or null. */
    static String leadingDate(String line) {
        int a = 0;
        while (a < line.length() && " •·▪-*".indexOf(line.charAt(a)) >= 0) {
            a++;
        }
        return a < line.length() ? Dates.date(line, a) : null;
    }

    /** The date when the line is only a date (bullets and spaces aside), else null. */
    static String bareDate(String line) {
        int a = 0;
        int z = line.length();
        while (a < z && !Character.isDigit(line.charAt(a)) && Dates.chineseYearDigits(line, a) < 0) {
            char c = line.charAt(a);
            if (c != ' ' && c != '•' && c != '·' && c != '▪' && c != '-' && c != '*') {
                return null;
            }
            a++;
        }
        String d = a < z ? Dates.date(line, a) : null;
        if (d == null) {
            return null;
        }
        for (int i = a; i < z; i++) {
            char c = line.charAt(i);
            boolean dateChar = Character.isDigit(c)
                    || io.fazhi.engine.Numerals.digit(c) >= 0
                    || c == '十'
                    || c == '年'
                    || c == '月'
                    || c == '日'
                    || c == '-'
                    || c == '/'
                    || c == '.'
                    || c == ' '
                    || c == ':';
            if (!dateChar) {
                return null;
            }
        }
        return d;
    }
}
