package io.fazhi.ingest.domain;

import io.fazhi.problems.ProblemException;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalising an extracted text (so that the same report uploaded twice hashes the same) and deciding whether it
 * is a usable report: not empty, not binary, Chinese, not too long.
 */
public final class Texts {
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u3000\\u00a0]+\\n");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff]");
    /** controls other than tab and line feed, and lone surrogates: never part of a report (PostgreSQL refuses NUL) */
    private static final Pattern CONTROLS =
            Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]|[\\ud800-\\udbff](?![\\udc00-\\udfff])"
                    + "|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]");

    private Texts() {}

    /**
     * The usable text of an upload: 422 when it looks binary, then normalised, then 422 when empty or not Chinese and
     * 413 when longer than {@code maxChars}.
     */
    public static String usable(String raw, int maxChars) {
        rejectBinary(raw == null ? "" : raw);
        String text = normalise(raw);
        check(text, maxChars);
        return text;
    }

    /** Unicode NFC, LF line ends, no BOM, zero-width or control characters, no trailing blanks, one blank line. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        t = CONTROLS.matcher(t).replaceAll("");
        t = Normalizer.normalize(t, Normalizer.Form.NFC);
        t = ZERO_WIDTH.matcher(t).replaceAll("");
        t = TRAILING_SPACE.matcher(t + "\n").replaceAll("\n");
        t = MANY_BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.strip();
    }

    /** 422 unless the text is a usable Chinese report; 413 when longer than the limit. */
    public static void check(String text, int maxChars) {
        if (text.isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the report has no text");
        }
        if (text.length() > maxChars) {
            throw new ProblemException(
                    413,
                    "the extracted text has " + text.length() + " characters; at most " + maxChars + " are accepted");
        }
        int han = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetterOrDigit(cp)) {
                letters++;
            }
        }
        if (han < 10 || han * 5L < letters) {
            throw new ProblemException(
                    ProblemException.UNPROCESSABLE,
                    "the text is not a Chinese report (" + han + " Chinese characters)");
        }
    }

    /** 422 when more than 2% of the characters are controls, undecodable or unassigned: a binary file. */
    static void rejectBinary(String raw) {
        int control = 0;
        int total = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            total++;
            int type = Character.getType(cp);
            if ((Character.isISOControl(cp) && cp != '\n' && cp != '\t' && cp != '\r' && cp != '\f')
                    || cp == 0xfffd
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED) {
                control++;
            }
        }
        if (raw.indexOf('\0') >= 0 || (control > 0 && control * 50L > total)) {
            throw new ProblemException(
                    ProblemException.UNPROCESSABLE,
                    "the upload looks binary, not text (" + control + " control or undecodable characters)");
        }
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
