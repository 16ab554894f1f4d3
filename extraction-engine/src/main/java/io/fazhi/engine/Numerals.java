package io.fazhi.engine;

/**
 * Chinese numerals: {@code 两}, {@code 二十三}, {@code 一百二十}, {@code 一万五千}, {@code 十}, {@code 三千}. Hand-written, no
 * regular expressions; every method is bounded by the span it is given.
 */
public final class Numerals {
    private Numerals() {}

    /** The value of a Chinese digit (零〇一二两三四五六七八九), else -1. */
    public static int digit(char c) {
        switch (c) {
            case '零':
            case '〇':
                return 0;
            case '一':
                return 1;
            case '二':
            case '两':
                return 2;
            case '三':
                return 3;
            case '四':
                return 4;
            case '五':
                return 5;
            case '六':
                return 6;
            case '七':
                return 7;
            case '八':
                return 8;
            case '九':
                return 9;
            default:
                return -1;
        }
    }

    /** The power of ten of a Chinese multiplier (十百千万亿), else 0. */
    public static int power(char c) {
        switch (c) {
            case '十':
                return 1;
            case '百':
                return 2;
            case '千':
                return 3;
            case '万':
                return 4;
            case '亿':
                return 8;
            default:
                return 0;
        }
    }

    public static boolean isChineseNumeralChar(char c) {
        return digit(c) >= 0 || power(c) > 0;
    }

    /** 一..十 and their combinations as used in section markers (no 零, 两 or large multipliers). */
    static boolean isSmallChineseDigit(char c) {
        return (digit(c) >= 1 && c != '两') || c == '十';
    }

    /** The value of a numeral such as {@code 二十三} or {@code 一万五千}, or -1 when it is not a well-formed numeral. */
    public static long chineseValue(CharSequence s) {
        return chineseValue(s, 0, s.length());
    }

    /**
     * The value of the Chinese numeral in {@code [from, to)}, or -1 when malformed (two digits in a row as in
     * {@code 十四五} or {@code 二〇一九}, a multiplier out of order, or more than 16 characters).
     */
    public static long chineseValue(CharSequence s, int from, int to) {
        if (to <= from || to - from > 16) {
            return -1;
        }
        long total = 0; // completed 亿 and 万 groups
        long section = 0; // below the current 万
        long pending = -1; // a digit waiting for its multiplier
        boolean zeroSeen = false;
        int lastSmallPower = 5; // powers within a section must fall (千 > 百 > 十)
        int lastBigPower = 9;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (pending >= 0 && !(pending == 0 || zeroSeen)) {
                    return -1;
                }
                if (d == 0) {
                    zeroSeen = true;
                    pending = 0;
                    continue;
                }
                pending = d;
                continue;
            }
            int p = power(c);
            if (p == 0) {
                return -1;
            }
            if (p < 4) {
                if (p >= lastSmallPower) {
                    return -1;
                }
                long mult = pending < 0 ? (p == 1 || (section == 0 && total == 0) ? 1 : -1) : pending;
                if (mult <= 0) {
                    if (p == 1 && pending == 0) {
                        mult = 1; // 一百零十 is unusual but harmless
                    } else {
                        return -1;
                    }
                }
                section += mult * pow10(p);
                lastSmallPower = p;
                pending = -1;
                zeroSeen = false;
            } else {
                if (p >= lastBigPower) {
                    return -1;
                }
                if (pending > 0) {
                    section += pending;
                }
                if (section == 0) {
                    return -1;
                }
                total += section * pow10(p);
                section = 0;
                pending = -1;
                zeroSeen = false;
                lastSmallPower = 5;
                lastBigPower = p;
            }
        }
        if (pending > 0) {
            section += pending;
        }
        long value = total + section;
        return value;
    }

    private static long pow10(int p) {
        long v = 1;
        for (int i = 0; i < p; i++) {
            v *= 10;
        }
        return v;
    }
}
