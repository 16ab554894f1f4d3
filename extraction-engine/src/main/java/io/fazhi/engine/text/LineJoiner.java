package io.fazhi.engine.text;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.SectionSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-joins lines that a layout wrapped (PDF text, plain text hard-wrapped at a fixed width): a line as wide as the
 * text block that does not end a sentence runs on into the next, unless the next starts a numbered heading, or the
 * line ends a report's title in the opening of the text (…的报告, …工作总结: {@code engine/title-words.txt}), which
 * keeps its own line. Text that is not hard-wrapped (fewer than five lines of a common width) is left as it is. The
 * one implementation the engine's normaliser and ingest-service's document reading share.
 */
public final class LineJoiner {
    /** The opening of a text, where a title may stand: its first lines, up to the first that ends a sentence. */
    public static final int OPENING_LINES = 6;

    /** What follows a line: a line break, nothing (the line ran on), or a line break kept because the line is a title. */
    public enum Break {
        NEWLINE,
        JOINED,
        TITLE
    }

    /** Follows the lines of a text, telling whether the line just seen is still in its opening. */
    public static final class Opening {
        private boolean open = true;
        private int lines;

        /** Takes the line {@code [a, z)} of {@code s} (blank lines are not counted); whether it is in the opening. */
        public boolean take(String s, int a, int z) {
            if (open && !s.substring(a, z).isBlank()) {
                lines++;
                open = lines <= OPENING_LINES && !s.substring(a, z).strip().endsWith("。");
            }
            return open;
        }
    }

    private static final List<String> TITLE_ENDINGS =
            EngineData.lines("title-words.txt").stream().map(String::strip).toList();

    private LineJoiner() {}

    /** The text with its wrapped lines re-joined. */
    public static String join(String s) {
        List<int[]> lines = lines(s);
        int width = wrapWidth(s, lines);
        if (width == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        Opening opening = new Opening();
        for (int li = 0; li < lines.size(); li++) {
            int a = lines.get(li)[0];
            int z = lines.get(li)[1];
            out.append(s, a, z);
            boolean inOpening = opening.take(s, a, z);
            if (li == lines.size() - 1) {
                break;
            }
            appendBreak(out, s, a, z, lines.get(li + 1), width, inOpening);
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
        appendBreak(out, s, a, z, next, width, false);
    }

    /**
     * As {@link #appendBreak(StringBuilder, String, int, int, int[], int)}; in the {@code opening} of the text a line
     * that ends as a report's title keeps its line break. Says which break it appended.
     */
    public static Break appendBreak(StringBuilder out, String s, int a, int z, int[] next, int width, boolean opening) {
        if (width > 0 && joins(s, a, z, next, width)) {
            if (opening && endsAsTitle(s, a, z)) {
                out.append('\n');
                return Break.TITLE;
            }
            char before = z > a ? s.charAt(z - 1) : ' ';
            int na = next[0];
            char after = na < s.length() ? s.charAt(na) : ' ';
            if (isLatin(before) && isLatin(after)) {
                out.append(' ');
            }
            return Break.JOINED;
        }
        out.append('\n');
        return Break.NEWLINE;
    }

    /** Whether the line ends as report titles end (…报告, …总结, …报告(2020年)). */
    public static boolean endsAsTitle(String s, int a, int z) {
        String line = s.substring(a, z).strip();
        int paren = line.lastIndexOf('(');
        if (line.endsWith(")") && paren > 0) {
            line = line.substring(0, paren);
        }
        for (String e : TITLE_ENDINGS) {
            if (line.endsWith(e)) {
                return true;
            }
        }
        return false;
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
