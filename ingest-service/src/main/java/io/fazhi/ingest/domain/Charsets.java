package io.fazhi.ingest.domain;

import io.fazhi.problems.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Bytes to text. A declared charset is used strictly; without one: strict UTF-8, else what juniversalchardet
 * detects (right even on short GBK and Big5 snippets), else GB18030 (a superset of GBK that decodes any bytes).
 */
public final class Charsets {
    private Charsets() {}

    /** The charset named in a header or meta tag; 415 when Java does not know it. */
    public static Charset named(String name) {
        String n = name.strip().replace("\"", "").replace("'", "");
        // GB2312 and GBK pages routinely use GBK/GB18030 characters: decode with the superset
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.equals("gb2312") || lower.equals("gbk") || lower.equals("x-gbk") || lower.equals("cp936")) {
            return Charset.forName("GB18030");
        }
        if (lower.equals("big5")) {
            return Charset.forName("Big5-HKSCS");
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "unsupported charset: " + Texts.shorten(n, 40));
        }
    }

    /** Decodes with the declared charset (strictly: 422 when the bytes are not in it) or detects one. */
    public static String decode(byte[] bytes, String declared) {
        if (declared != null && !declared.isBlank()) {
            Charset cs = named(declared);
            try {
                return strict(bytes, cs);
            } catch (CharacterCodingException e) {
                throw new ProblemException(
                        ProblemException.UNPROCESSABLE,
                        "the body is not valid " + cs.name() + " text, as its Content-Type declares");
            }
        }
        return decode(bytes, detect(bytes));
    }

    /** The charset of undeclared bytes: UTF-8 when they are valid UTF-8, else detected, else GB18030. */
    public static Charset detect(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        try {
            strict(bytes, StandardCharsets.UTF_8);
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            // not UTF-8
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 20));
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected != null) {
            try {
                Charset cs = named(detected);
                strict(bytes, cs);
                return cs;
            } catch (CharacterCodingException | ProblemException e) {
                // the detector guessed wrong; fall through
            }
        }
        return Charset.forName("GB18030");
    }

    private static String decode(byte[] bytes, Charset cs) {
        String s = new String(bytes, cs);
        return s;
    }

    static String strict(byte[] bytes, Charset cs) throws CharacterCodingException {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
