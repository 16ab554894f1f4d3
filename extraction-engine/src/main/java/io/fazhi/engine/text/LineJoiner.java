package io.fazhi.engine.text;

import io.fazhi.engine.SectionSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-joins lines that a layout wrapped (PDF text, plain text hard-wrapped at a fixed width): a line as wide as the
 * text block that does not end a sentence runs on into the next, unless the next starts a numbered heading. Text
 * that is not hard-wrapped (fewer than five lines of a common width) is left as it is. The one implementation the
 * engine's normaliser and ingest-service's document reading share.
 */
public final class LineJoiner {
    private LineJoiner() {}

    /** The text with its wrapped lines re-joined. */
    public static String join(String s) {
        List<int[]> lines = lines(s);
        int width = wrapWidth(s, lines);
        if (width == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int li = 0; li < lines.size(); li++) {
            int a = lines.get(li)[0];
            int z = lines.get(li)[1];
            out.append(s, a, z);
            if (li == lines.size() - 1) {
                break;
            }
            appendBreak(out, s, a, z, lines.get(li + 1), width);
        }
        return out.toString();
    }

    /** The [start, end) of every line. */
    public static List<int[]> lines(String s) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * After the line {@code [a, z)}: nothing (a wrapped line runs on; a space between two Latin letters) or a line
     * break.
     */
    public static void appendBreak(StringBuilder out, String s, int a, int z, int[] next, int width) {
        if (width > 0 && joins(s, a, z, next, width)) {
            char before = z > a ? s.charAt(z - 1) : ' ';
            int na = next[0];
            char after = na < s.length() ? s.charAt(na) : ' ';
            if (isLatin(before) && isLatin(after)) {
                out.append(' ');
            }
        } else {
            out.append('\n');
        }
    }

    /** The width at which the text is hard-wrapped, or 0 when it is not. */
    public static int wrapWidth(String s, List<int[]> lines) {
        int[] counts = new int[201];
        int longLines = 0;
        for (int[] l : lines) {
            int len = l[1] - l[0];
            if (len >= 20 && len <= 200) {
                counts[len]++;
                longLines++;
            }
        }
        if (longLines < 5) {
            return 0;
        }
        int best = 0;
        for (int len = 20; len <= 200; len++) {
            if (counts[len] > counts[best]) {
                best = len;
            }
        }
        int near = 0;
        for (int len = Math.max(20, best - 2); len <= Math.min(200, best + 2); len++) {
            near += counts[len];
        }
        return near >= 5 && near * 10 >= longLines * 4 ? best : 0;
    }

    private static boolean joins(String s, int a, int z, int[] next, int width) {
        int len = z - a;
        if (len < width - 2 || len == 0) {
            return false;
        }
        char last = s.charAt(z - 1);
        if ("。!?;:!?;:".indexOf(last) >= 0) {
            return false;
        }
        int na = next[0];
        int nz = next[1];
        if (nz <= na) {
            return false;
        }
        return !SectionSplitter.startsWithMarker(s, na, nz);
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
