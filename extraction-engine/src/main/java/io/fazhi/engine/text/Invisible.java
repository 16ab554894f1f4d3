package io.fazhi.engine.text;

/**
 * Characters that are never part of a report's text: zero-width characters and the byte order mark, and controls
 * other than tab and line feed (C0, DEL and C1). One definition for the engine's normaliser and for what ingest-service
 * stores.
 */
public final class Invisible {
    private Invisible() {}

    /** Zero-width space, non-joiner, joiner, word joiner, and the byte order mark (zero-width no-break space). */
    public static boolean zeroWidth(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff';
    }

    /** A control character other than tab and line feed (carriage return included). */
    public static boolean control(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
    }
}
