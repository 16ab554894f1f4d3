package io.fazhi.ingest.domain.document;

import io.fazhi.engine.text.Han;
import io.fazhi.ingest.domain.DomainException;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Decides whether the text read from an upload is a usable report (not empty, not binary, Chinese, not too long)
 * and cleans it for storage: the text extract-service receives. Which uploads are the same report is decided on the
 * engine's normalised text instead (see {@code domain.identity}).
 */
public final class UsableText {
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u3000\\u00a0]+\\n");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff]");
    /** controls other than tab and line feed, and lone surrogates: never part of a report (PostgreSQL refuses NUL) */
    private static final Pattern CONTROLS =
            Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]|[\\ud800-\\udbff](?![\\udc00-\\udfff])"
                    + "|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]");

    private UsableText() {}

    /**
     * The usable text of an upload: refused when it looks binary, then cleaned, then refused when empty or not
     * Chinese, or when longer than {@code maxChars}.
     */
    public static String of(String raw, int maxChars) {
        rejectBinary(raw == null ? "" : raw);
        String text = clean(raw);
        check(text, maxChars);
        return text;
    }

    /** Unicode NFC, LF line ends, no BOM, zero-width or control characters, no trailing blanks, one blank line. */
    public static String clean(String text) {
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

    static void check(String text, int maxChars) {
        if (text.isEmpty()) {
            throw new DomainException.UnusableContent("the report has no text");
        }
        if (text.length() > maxChars) {
            throw new DomainException.TooLarge(
                    "the extracted text has " + text.length() + " characters; at most " + maxChars + " are accepted");
        }
        int han = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Han.isHan(cp)) {
                han++;
            } else if (Character.isLetterOrDigit(cp)) {
                letters++;
            }
        }
        if (han < 10 || han * 5L < letters) {
            throw new DomainException.UnusableContent(
                    "the text is not a Chinese report (" + han + " Chinese characters)");
        }
    }

    /** Refused when more than 2% of the characters are controls, undecodable or unassigned: a binary file. */
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
            throw new DomainException.UnusableContent(
                    "the upload looks binary, not text (" + control + " control or undecodable characters)");
        }
    }
}
