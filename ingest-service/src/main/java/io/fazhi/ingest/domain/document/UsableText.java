package io.fazhi.ingest.domain.document;

import io.fazhi.engine.text.Han;
import io.fazhi.engine.text.Invisible;
import io.fazhi.ingest.domain.DomainException;
import java.text.Normalizer;

/**
 * Decides whether the text read from an upload is a usable report (not empty, not binary, Chinese, not too long)
 * and cleans it for storage: the text extract-service receives. Which uploads are the same report is decided on the
 * engine's normalised text instead (see {@code domain.identity}).
 */
public final class UsableText {
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

    /**
     * Unicode NFC, LF line ends, no BOM, zero-width or control characters (nor lone surrogates, which PostgreSQL
     * refuses as it refuses NUL), no blanks at the end of a line, at most one blank line in a row. Two passes over the
     * characters, with NFC between them only when the text is not NFC already.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String t = withoutControls(text);
        if (!Normalizer.isNormalized(t, Normalizer.Form.NFC)) {
            t = Normalizer.normalize(t, Normalizer.Form.NFC);
        }
        return withoutBlankRuns(t).strip();
    }

    /** Line ends as LF; controls other than tab and line feed, and lone surrogates, dropped. */
    private static String withoutControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                }
            } else if (!Character.isLowSurrogate(c) && !Invisible.control(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Zero-width characters dropped, blanks before a line end dropped, three or more line ends made two. */
    private static String withoutBlankRuns(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blanksFrom = -1; // where the run of blanks at the end of out began, or -1
        int lineEnds = 0; // line ends at the end of out
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Invisible.zeroWidth(c)) {
                continue;
            }
            if (c == '\n') {
                if (blanksFrom >= 0) {
                    out.setLength(blanksFrom);
                    blanksFrom = -1;
                }
                if (lineEnds < 2) {
                    out.append(c);
                }
                lineEnds++;
                continue;
            }
            if (isBlank(c)) {
                if (blanksFrom < 0) {
                    blanksFrom = out.length();
                }
            } else {
                blanksFrom = -1;
                lineEnds = 0;
            }
            out.append(c);
        }
        if (blanksFrom >= 0) {
            out.setLength(blanksFrom);
        }
        return out.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0';
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
