package io.fazhi.engine.text;

/**
 * What counts as a Chinese character: a code point of the Unicode Han script (CJK unified ideographs and their
 * extensions, compatibility ideographs, 〇). The one definition the engine and the services share.
 */
public final class Han {
    private static final boolean[] BMP = new boolean[65536];

    static {
        for (int c = 0; c < BMP.length; c++) {
            BMP[c] = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
        }
    }

    private Han() {}

    /** Whether a UTF-16 unit is a Han character of the Basic Multilingual Plane. */
    public static boolean isHan(char c) {
        return BMP[c];
    }

    /** Whether a code point is a Han character (any plane). */
    public static boolean isHan(int codePoint) {
        if (codePoint >= 0 && codePoint < BMP.length) {
            return BMP[codePoint];
        }
        return Character.isValidCodePoint(codePoint)
                && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** How many Han characters the text holds. */
    public static int count(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (isHan(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /** Whether the text holds at least one Han character. */
    public static boolean contains(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
