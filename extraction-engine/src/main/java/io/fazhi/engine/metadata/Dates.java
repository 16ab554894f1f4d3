package io.fazhi.engine.metadata;

import io.fazhi.contracts.ReportYears;
import io.fazhi.engine.Numerals;
import io.fazhi.engine.text.Titles;

/** Dates and years as reports write them: 2019-11-26, 2019/11/26, 2019.11.26, 2019年11月26日, 二〇一九年十一月二十六日. */
public final class Dates {
    private Dates() {}

    /** A date starting at {@code at} as YYYY-MM-DD, or null. */
    public static String date(String s, int at) {
        int n = s.length();
        int[] parts = new int[3];
        int k = at;
        for (int part = 0; part < 3; part++) {
            int start = k;
            int value;
            if (k < n && Character.isDigit(s.charAt(k))) {
                while (k < n && k - start < 4 && Character.isDigit(s.charAt(k))) {
                    k++;
                }
                value = Integer.parseInt(s.substring(start, k));
            } else if (part == 0) {
                value = chineseYearDigits(s, k);
                if (value < 0) {
                    return null;
                }
                k += 4;
            } else {
                while (k < n && k - start < 3 && (Numerals.digit(s.charAt(k)) >= 0 || s.charAt(k) == '十')) {
                    k++;
                }
                long v = k > start ? Numerals.chineseValue(s, start, k) : -1;
                if (v < 0) {
                    return null;
                }
                value = (int) v;
            }
            parts[part] = value;
            if (k >= n) {
                if (part < 2) {
                    return null;
                }
                break;
            }
            char sep = s.charAt(k);
            if (part == 0 && (sep == '-' || sep == '/' || sep == '.' || sep == '年')) {
                k++;
            } else if (part == 1 && (sep == '-' || sep == '/' || sep == '.' || sep == '月')) {
                k++;
            } else if (part < 2) {
                return null;
            }
        }
        int y = parts[0];
        int m = parts[1];
        int d = parts[2];
        if (!ReportYears.valid(y) || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        return String.format("%04d-%02d-%02d", y, m, d);
    }

    /** 二〇二〇 at {@code at} (four Chinese digits) as 2020, else -1. */
    static int chineseYearDigits(String s, int at) {
        if (at + 4 > s.length()) {
            return -1;
        }
        int value = 0;
        for (int q = at; q < at + 4; q++) {
            int d = Numerals.digit(s.charAt(q));
            if (d < 0) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * The year written at {@code i} as four digits or four Chinese digits followed by 年, not part of a longer number
     * or of a range (2016-2020年, 2016至2020年) and in {@link ReportYears}; else -1.
     */
    static int yearAt(String s, int i) {
        if (i + 5 > s.length()) {
            return -1;
        }
        char before = i > 0 ? s.charAt(i - 1) : ' ';
        if (Character.isDigit(before) || before == '-' || before == '~' || before == '至' || before == '—') {
            return -1;
        }
        int y;
        if (Character.isDigit(s.charAt(i))) {
            for (int k = 1; k < 4; k++) {
                if (!Character.isDigit(s.charAt(i + k))) {
                    return -1;
                }
            }
            y = Integer.parseInt(s.substring(i, i + 4));
        } else {
            if (Numerals.digit(before) >= 0) {
                return -1;
            }
            y = chineseYearDigits(s, i);
        }
        return y >= 0 && s.charAt(i + 4) == '年' && ReportYears.valid(y) ? y : -1;
    }

    /** The first year in {@code [from, to)} of {@code s} that is not inside a 《title》, or -1. */
    static int firstYear(String s, int from, int to, boolean skipTitles) {
        for (int i = Math.max(0, from); i + 5 <= Math.min(to, s.length()); i++) {
            int y = yearAt(s, i);
            if (y > 0 && !(skipTitles && Titles.inside(s, i, i + 5))) {
                return y;
            }
        }
        return -1;
    }
}
