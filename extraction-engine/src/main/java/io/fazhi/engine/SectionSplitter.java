package io.fazhi.engine;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2: the heading tree. A heading is a line (or the start of a paragraph) that opens with a section marker:
 * level 1 {@code 一、}, level 2 {@code (一)}, level 3 {@code 1.} or {@code 1、}, level 4 {@code (1)} (full-width forms
 * are ASCII after NFKC). Its text is the line, or the paragraph up to and including its first {@code 。} when
 * that is shorter. Markers inside a line are not headings, nor are {@code 1.5万}, {@code 12.4}, {@code 1-10月},
 * {@code (2016-2020年)}, enumerations ({@code 一是}) and numbers that do not continue the numbering of their level.
 */
public final class SectionSplitter {
    static final Rule MARKER = RuleCatalogue.define(
            "section.heading.marker",
            "a line (or paragraph) opening with a section marker is a heading: 一、 level 1, (一) level 2, 1. or 1、"
                    + " level 3, (1) level 4");
    static final Rule FULL_STOP = RuleCatalogue.define(
            "section.heading.full-stop", "a heading that runs on into its paragraph ends at its first full stop (。)");
    static final Rule NUMBERING = RuleCatalogue.define(
            "section.heading.numbering",
            "a marker whose number does not continue its level's numbering (a stray 25.) is text, not a heading");
    static final Rule LOOKALIKE = RuleCatalogue.define(
            "section.heading.lookalike",
            "a number that only looks like a marker (1.5万元, 12.4, 1-10月, (2016-2020年)) starts no heading");

    static final int MAX_HEADINGS = 5_000;
    private static final int MAX_HEADING_CHARS = 300;

    /** One heading; {@code parent} is an index into the list or -1; {@code end} is where the next heading starts. */
    public record Heading(String text, int level, int number, int offset, int parent, String path) {}

    public List<Heading> split(String text) {
        return split(text, Trace.NONE);
    }

    public List<Heading> split(String text, Trace trace) {
        List<Heading> out = new ArrayList<>();
        int n = text.length();
        int[] last = new int[5]; // last accepted number per level since the enclosing heading
        int[] open = {-1, -1, -1, -1, -1}; // index of the innermost open heading per level
        int lineStart = 0;
        while (lineStart <= n && out.size() < MAX_HEADINGS) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int a = skipSpace(text, lineStart, lineEnd);
            int[] marker = marker(text, a, lineEnd);
            if (marker == null && trace.enabled() && lookalike(text, a, lineEnd)) {
                trace.fired(LOOKALIKE, a, Math.min(lineEnd, a + 8), null);
            }
            if (marker != null) {
                int level = marker[0];
                int number = marker[1];
                int bodyStart = marker[2];
                if (!plausible(last, level, number) && trace.enabled()) {
                    trace.fired(
                            NUMBERING, a, marker[2], "level " + level + " number " + number + " after " + last[level]);
                }
                if (plausible(last, level, number)) {
                    int end = headingEnd(text, bodyStart, lineEnd);
                    if (trace.enabled()) {
                        trace.fired(MARKER, a, end, "level " + level);
                        if (end < lineEnd) {
                            trace.fired(FULL_STOP, end - 1, end, null);
                        }
                    }
                    String heading = text.substring(a, end).strip();
                    if (heading.length() > MAX_HEADING_CHARS) {
                        heading = heading.substring(0, MAX_HEADING_CHARS);
                    }
                    int parent = -1;
                    for (int l = level - 1; l >= 1; l--) {
                        if (open[l] >= 0) {
                            parent = open[l];
                            break;
                        }
                    }
                    String path = parent < 0
                            ? Integer.toString(number)
                            : out.get(parent).path() + "." + number;
                    out.add(new Heading(heading, level, number, a, parent, path));
                    open[level] = out.size() - 1;
                    last[level] = number;
                    for (int l = level + 1; l < 5; l++) {
                        open[l] = -1;
                        last[l] = 0;
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /** Accepts the first item of a level, the next few numbers, or a repeated number; rejects jumps (a stray 25.). */
    private static boolean plausible(int[] last, int level, int number) {
        int prev = last[level];
        return number == 1 || (number > prev && number <= prev + 3) || (number == prev && prev > 0);
    }

    private static int headingEnd(String text, int bodyStart, int lineEnd) {
        for (int i = bodyStart; i < lineEnd; i++) {
            if (text.charAt(i) == '。') {
                return i + 1;
            }
        }
        return lineEnd;
    }

    static int skipSpace(String text, int a, int z) {
        while (a < z) {
            char c = text.charAt(a);
            if (c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0') {
                a++;
            } else {
                break;
            }
        }
        return a;
    }

    /** 1.5万, 12.4, 1-10月, (2016-2020年): a number at the line's start that is not a section marker. */
    private static boolean lookalike(String text, int a, int z) {
        int k = a < z && (text.charAt(a) == '(' || text.charAt(a) == '（') ? a + 1 : a;
        int digits = k;
        while (digits < z && digits - k < 4 && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == k || digits >= z) {
            return false;
        }
        char sep = text.charAt(digits);
        return (sep == '.' && digits + 1 < z && Character.isDigit(text.charAt(digits + 1)))
                || sep == '-'
                || sep == '~'
                || sep == '—';
    }

    /** True when {@code [a, z)}, after leading space, starts with a section marker. */
    public static boolean startsWithMarker(String text, int a, int z) {
        return marker(text, skipSpace(text, a, z), z) != null;
    }

    /**
     * The marker at {@code a}: {level, number, index after the marker}, or null. The marker must be followed by
     * heading text (not a digit, not a closing punctuation), and numbers are 1..30 (Chinese) or 1..50 (Arabic).
     */
    static int[] marker(String text, int a, int z) {
        if (a >= z) {
            return null;
        }
        char c = text.charAt(a);
        if (c == '(' || c == '（') {
            int i = a + 1;
            int j = i;
            while (j < z && j - i < 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            int level;
            int number;
            if (j > i) {
                if (j - i > 2 || text.charAt(i) == '0') {
                    return null;
                }
                number = Integer.parseInt(text.substring(i, j));
                level = 4;
            } else {
                while (j < z && j - i < 3 && Numerals.isSmallChineseDigit(text.charAt(j))) {
                    j++;
                }
                if (j == i) {
                    return null;
                }
                number = (int) Numerals.chineseValue(text, i, j);
                level = 2;
            }
            if (j >= z || (text.charAt(j) != ')' && text.charAt(j) != '）')) {
                return null;
            }
            return body(text, level, number, j + 1, z);
        }
        if (c >= '0' && c <= '9') {
            int j = a;
            while (j < z && j - a < 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            if (j - a > 2 || c == '0' || j >= z) {
                return null;
            }
            char sep = text.charAt(j);
            if (sep != '.' && sep != '、') {
                return null;
            }
            if (sep == '.' && j + 1 < z && Character.isDigit(text.charAt(j + 1))) {
                return null; // 1.5万, 12.4
            }
            return body(text, 3, Integer.parseInt(text.substring(a, j)), j + 1, z);
        }
        if (Numerals.isSmallChineseDigit(c)) {
            int j = a;
            while (j < z && j - a < 3 && Numerals.isSmallChineseDigit(text.charAt(j))) {
                j++;
            }
            if (j >= z || text.charAt(j) != '、') {
                return null;
            }
            return body(text, 1, (int) Numerals.chineseValue(text, a, j), j + 1, z);
        }
        return null;
    }

    private static int[] body(String text, int level, int number, int bodyStart, int z) {
        int max = level == 1 || level == 2 ? 30 : 50;
        if (number < 1 || number > max) {
            return null;
        }
        int b = skipSpace(text, bodyStart, z);
        if (b >= z) {
            return null;
        }
        char first = text.charAt(b);
        if (first == ')'
                || first == ','
                || first == '、'
                || first == '。'
                || first == '.'
                || first == ';'
                || first == ':'
                || first == '%'
                || first == '-') {
            return null;
        }
        return new int[] {level, number, bodyStart};
    }
}
