package io.fazhi.ingest.domain.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies the content of a report: the SHA-256 of its normalised text (exact duplicates, whoever uploads
 * them) and its {@link SimilaritySketch} (near duplicates). Both come from one pass each over the text; the UTF-8
 * bytes are hashed through a small buffer, never copied whole.
 *
 * @param sha256 lower-case hex
 * @param sketch null when the text has too few Chinese characters for one
 */
public record ContentFingerprint(String sha256, SimilaritySketch sketch) {

    public static ContentFingerprint of(String normalisedText) {
        return new ContentFingerprint(sha256(normalisedText), SimilaritySketch.of(normalisedText));
    }

    /** The SHA-256 of the text's UTF-8 encoding. */
    public static String sha256(CharSequence text) {
        MessageDigest digest = digest();
        byte[] buf = new byte[8192];
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            if (n > buf.length - 4) {
                digest.update(buf, 0, n);
                n = 0;
            }
            int c = text.charAt(i);
            if (Character.isHighSurrogate((char) c) && i + 1 < len && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            } else if (Character.isSurrogate((char) c)) {
                c = '?'; // as String.getBytes(UTF_8) encodes a lone surrogate
            }
            if (c < 0x80) {
                buf[n++] = (byte) c;
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xc0 | (c >> 6));
                buf[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (c < 0x10000) {
                buf[n++] = (byte) (0xe0 | (c >> 12));
                buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[n++] = (byte) (0x80 | (c & 0x3f));
            } else {
                buf[n++] = (byte) (0xf0 | (c >> 18));
                buf[n++] = (byte) (0x80 | ((c >> 12) & 0x3f));
                buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[n++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        digest.update(buf, 0, n);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
