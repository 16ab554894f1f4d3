package io.fazhi.engine.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a normalised report that the metadata finders share: its opening lines (before the first heading),
 * its last lines, the chrome lines the normaliser took out, and how far the text is searched.
 */
final class ReportText {
    /** The text is only searched this far from its start (and its last {@link #TAIL} characters). */
    static final int HEAD = 200_000;

    static final int TAIL = 3_000;
    private static final int MAX_OPENING_LINES = 12;

    /** A line at {@code [start, end)} of the text, stripped. */
    record Line(int start, int end, String text) {}

    final String text;
    final List<String> chrome;
    /** Where the first heading starts (or a bounded opening when there is none). */
    final int preambleEnd;

    final List<Line> opening;
    final List<Line> last;

    ReportText(String text, List<String> chrome, int firstHeading) {
        this.text = text;
        this.chrome = chrome == null ? List.of() : chrome;
        int n = text.length();
        this.preambleEnd = firstHeading < 0 ? Math.min(n, 2_000) : Math.min(firstHeading, n);
        this.opening = openingLines();
        this.last = lastLines(6);
    }

    int headEnd() {
        return Math.min(text.length(), HEAD);
    }

    private List<Line> openingLines() {
        List<Line> out = new ArrayList<>();
        int i = 0;
        while (i < preambleEnd && out.size() < MAX_OPENING_LINES) {
            int e = text.indexOf('\n', i);
            if (e < 0 || e > preambleEnd) {
                e = preambleEnd;
            }
            Line line = stripped(i, e);
            if (line != null) {
                out.add(line);
            }
            i = e + 1;
        }
        return out;
    }

    private List<Line> lastLines(int count) {
        List<Line> out = new ArrayList<>();
        int end = text.length();
        int lo = Math.max(0, text.length() - TAIL);
        while (end > lo && out.size() < count) {
            int start = text.lastIndexOf('\n', end - 1);
            Line line = stripped(Math.max(start + 1, lo), end);
            if (line != null) {
                out.add(0, line);
            }
            if (start < lo) {
                break;
            }
            end = start;
        }
        return out;
    }

    private Line stripped(int a, int z) {
        while (a < z && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (z > a && Character.isWhitespace(text.charAt(z - 1))) {
            z--;
        }
        return z > a ? new Line(a, z, text.substring(a, z)) : null;
    }

    /** The first paragraph of the opening that is not the title or a salutation: where the report names itself. */
    Line firstParagraph(Line title, Line addressee) {
        for (Line l : opening) {
            if ((l.text().length() >= 20 || l.text().endsWith("。"))
                    && (title == null || l.end() <= title.start() || l.start() >= title.end())
                    && (title == null || l.start() >= title.start())
                    && (addressee == null || l.start() != addressee.start())) {
                return l;
            }
        }
        return null;
    }
}
