package io.fazhi.ingest.domain.document;

import io.fazhi.ingest.domain.DomainException;
import io.fazhi.ingest.domain.Shorten;
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
public final class CharsetDetection {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CharsetDetection() {}

    /** The charset named in a header or meta tag; refused when Java does not know it. */
    public static Charset named(String name) {
        String n = name.strip().replace("\"", "").replace("'", "");
        // GB2312 and GBK pages routinely use GBK/GB18030 characters: decode with the superset
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.equals("gb2312") || lower.equals("gbk") || lower.equals("x-gbk") || lower.equals("cp936")) {
            return GB18030;
        }
        if (lower.equals("big5")) {
            return Charset.forName("Big5-HKSCS");
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DomainException.UnsupportedFormat("unsupported charset: " + Shorten.to(n, 40));
        }
    }

    /** Decodes with the declared charset (strictly: refused when the bytes are not in it) or a detected one. */
    public static String decode(byte[] bytes, String declared) {
        if (declared != null && !declared.isBlank()) {
            Charset cs = named(declared);
            try {
                return strict(bytes, cs);
            } catch (CharacterCodingException e) {
                throw new DomainException.UnusableContent(
                        "the body is not valid " + cs.name() + " text, as its Content-Type declares");
            }
        }
        return new String(bytes, detect(bytes));
    }

    /** The charset of undeclared bytes: UTF-8 when they are valid UTF-8, else detected, else GB18030. */
    public static Charset detect(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (isValid(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 20));
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected != null) {
            try {
                Charset cs = named(detected);
                if (isValid(bytes, cs)) {
                    return cs;
                }
            } catch (DomainException.UnsupportedFormat e) {
                // the detector named a charset Java lacks; fall through
            }
        }
        return GB18030;
    }

    private static boolean isValid(byte[] bytes, Charset cs) {
        try {
            strict(bytes, cs);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String strict(byte[] bytes, Charset cs) throws CharacterCodingException {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
