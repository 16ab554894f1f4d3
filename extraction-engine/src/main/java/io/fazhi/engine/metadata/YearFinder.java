package io.fazhi.engine.metadata;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The year the report covers, which is not the year it was published (a 2020 report is published in March 2021).
 * In order: the title's year; a year the opening speaks of as the one covered (2020年以来, 2020年度, 2020年,我局 …:
 * {@code engine/year-words.tsv}); the year in the first heading; the year before the publication date when the
 * report was published in the first half of a year (the same year after); the first year of the opening; the most
 * frequent year of the text. Years inside 《titles》 and in ranges do not count.
 */
final class YearFinder {
    static final Rule TITLE = RuleCatalogue.define("meta.year.title", "the year in the title is the year covered");
    static final Rule COVERING = RuleCatalogue.define(
            "meta.year.covering",
            "a year the opening speaks of as the one covered (2020年以来, 2020年度, 2020年,我局…) is the year covered");
    static final Rule HEADING = RuleCatalogue.define(
            "meta.year.heading", "the year in the first heading (一、2020年推进法治政府建设…) is the year covered");
    static final Rule PUBLISHED = RuleCatalogue.define(
            "meta.year.published",
            "a report published in the first half of a year covers the year before; later in the year, that year");
    static final Rule OPENING = RuleCatalogue.define(
            "meta.year.opening", "the first year of the opening that is not a date (2021年3月) is the year covered");
    static final Rule MOST_FREQUENT = RuleCatalogue.define(
            "meta.year.most-frequent",
            "the year the text names most often (up to the publication year) is the year covered");

    /** Reports are due by 1 April; one published in these months covers the year before. */
    private static final int LAST_MONTH_OF_PREVIOUS_YEAR_REPORTS = 6;

    private final List<String> coveringWords;

    YearFinder() {
        coveringWords = EngineData.rows("year-words.tsv", 2).stream()
                .filter(r -> r[1].equals("covered"))
                .map(r -> r[0])
                .toList();
    }

    Integer year(ReportText rt, TitleFinder.Title title, int firstHeadingEnd, String published, Trace trace) {
        String text = rt.text;
        if (title != null) {
            int y = Dates.firstYear(title.text(), 0, title.text().length(), true);
            if (y > 0) {
                return fired(trace, TITLE, title.line().start(), title.line().end(), y);
            }
        }
        int preambleEnd = rt.preambleEnd;
        for (int i = 0; i + 5 <= preambleEnd; i++) {
            int y = Dates.yearAt(text, i);
            if (y > 0 && covering(text, i + 5) && !io.fazhi.engine.text.Titles.inside(text, i, i + 5)) {
                return fired(trace, COVERING, i, i + 5, y);
            }
        }
        if (firstHeadingEnd > preambleEnd) {
            int at = firstYearAt(text, preambleEnd, firstHeadingEnd);
            if (at >= 0) {
                return fired(trace, HEADING, at, at + 5, Dates.yearAt(text, at));
            }
        }
        if (published != null) {
            int pub = Integer.parseInt(published.substring(0, 4));
            int month = Integer.parseInt(published.substring(5, 7));
            return fired(trace, PUBLISHED, 0, 0, month <= LAST_MONTH_OF_PREVIOUS_YEAR_REPORTS ? pub - 1 : pub);
        }
        for (int i = 0; i + 5 <= preambleEnd; i++) {
            int y = Dates.yearAt(text, i);
            if (y > 0 && !date(text, i + 5) && !io.fazhi.engine.text.Titles.inside(text, i, i + 5)) {
                return fired(trace, OPENING, i, i + 5, y);
            }
        }
        Map<Integer, Integer> count = new HashMap<>();
        int lim = rt.headEnd();
        int best = -1;
        int at = -1;
        for (int i = 0; i + 5 <= lim; i++) {
            int y = Dates.yearAt(text, i);
            if (y > 0 && !io.fazhi.engine.text.Titles.inside(text, i, i + 5)) {
                int c = count.merge(y, 1, Integer::sum);
                if (best < 0 || c > count.get(best) || (c == count.get(best) && y > best)) {
                    best = y;
                    at = i;
                }
            }
        }
        return best < 0 ? null : fired(trace, MOST_FREQUENT, at, at + 5, best);
    }

    private static int firstYearAt(String text, int from, int to) {
        for (int i = from; i + 5 <= to; i++) {
            if (Dates.yearAt(text, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the words after a year ({@code at} is just past 年) speak of it as the year covered. */
    private boolean covering(String text, int at) {
        for (String w : coveringWords) {
            if (text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /** 2021年3月, 2021年10月: a date, not a year. */
    private static boolean date(String text, int at) {
        int k = at;
        while (k < text.length() && k < at + 2 && (Character.isDigit(text.charAt(k)))) {
            k++;
        }
        return k > at && k < text.length() && text.charAt(k) == '月';
    }

    private static Integer fired(Trace trace, Rule rule, int start, int end, int year) {
        if (trace.enabled()) {
            trace.fired(rule, start, end, Integer.toString(year));
        }
        return year;
    }
}
