package io.fazhi.engine.metrics;

import static io.fazhi.engine.metrics.NumberReader.isAsciiDigit;
import static io.fazhi.engine.metrics.NumberReader.isAsciiLetter;
import static io.fazhi.engine.metrics.NumberReader.isSpace;

import java.math.BigDecimal;

/**
 * An Arabic number as written: digits, thousands separators (commas, or spaces as GB/T 15835 allows), a decimal
 * part, a leading dot; or the reason the digits there are no quantity (a code, a range, a date, a version, an
 * over-long digit string). Read by {@link NumberReader}.
 *
 * @param value      the value, or null when rejected
 * @param digits     the integer digits
 * @param end        where the literal (or the rejected run) ends
 * @param thousands  thousands separators were read
 * @param decimal    a decimal part was read
 * @param leadingDot the literal starts with its decimal point (.5)
 * @param problem    why the digits are no quantity, or null
 */
record ArabicLiteral(
        BigDecimal value,
        int digits,
        int end,
        boolean thousands,
        boolean decimal,
        boolean leadingDot,
        NumberReader.Problem problem) {

    static ArabicLiteral rejected(NumberReader.Problem problem, int end) {
        return new ArabicLiteral(null, 0, end, false, false, false, problem);
    }

    /**
     * The Arabic literal at {@code i}; rejected with its problem when the digits there are not a quantity (a code
     * such as G20 or 5G, a range or a date such as 2015-2020 or 2019/11/26, a time, a version, an over-long digit
     * string); null for the second half of a range, which its first half covers.
     */
    static ArabicLiteral read(String text, int i, boolean startsNumber) {
        int n = text.length();
        if (startsNumber && i > 0) {
            char p = text.charAt(i - 1);
            if (isAsciiLetter(p) || p == '_' || p == '#') {
                return rejected(NumberReader.Problem.CODE, codeEnd(text, i)); // model numbers and codes: G20, #3
            }
            if ((isRangeMark(p) || p == '.') && i > 1 && isAsciiLetter(text.charAt(i - 2))) {
                return rejected(NumberReader.Problem.CODE, codeEnd(text, i)); // COVID-19
            }
            if ((isRangeMark(p) || p == '.') && i > 1 && isAsciiDigit(text.charAt(i - 2))) {
                return null; // the second half of a range, a date, a time, a version: read with the first
            }
        }
        boolean leadingDot = text.charAt(i) == '.';
        if (leadingDot) {
            if (!startsNumber
                    || i + 1 >= n
                    || !isAsciiDigit(text.charAt(i + 1))
                    || i > 0 && (isAsciiLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '/')) {
                return null; // www.12348.gov.cn, a full stop
            }
        }
        int j = i;
        while (j < n && isAsciiDigit(text.charAt(j))) {
            j++;
        }
        int intDigits = j - i;
        if (intDigits > NumberReader.MAX_ARABIC_DIGITS) {
            return rejected(NumberReader.Problem.MALFORMED, j);
        }
        StringBuilder digits = new StringBuilder(24).append(text, i, j);
        boolean thousands = false;
        if (intDigits > 0 && intDigits <= 3) {
            char sep = j < n && (text.charAt(j) == ',' || isSpace(text.charAt(j))) ? text.charAt(j) : 0;
            while (sep != 0
                    && j + 3 < n
                    && text.charAt(j) == sep
                    && isDigit3(text, j + 1)
                    && (j + 4 >= n || !isAsciiDigit(text.charAt(j + 4)))
                    && digits.length() < NumberReader.MAX_ARABIC_DIGITS) {
                digits.append(text, j + 1, j + 4);
                j += 4;
                intDigits += 3;
                thousands = true;
            }
        }
        boolean decimal = false;
        if (j + 1 < n && text.charAt(j) == '.' && isAsciiDigit(text.charAt(j + 1))) {
            int k = j + 1;
            while (k < n && isAsciiDigit(text.charAt(k))) {
                k++;
            }
            if (k - j - 1 > NumberReader.MAX_DECIMALS && !leadingDot || k - j - 1 > 2 * NumberReader.MAX_DECIMALS) {
                return rejected(NumberReader.Problem.MALFORMED, k);
            }
            if (intDigits == 0) {
                digits.append('0');
            }
            digits.append(text, j, k);
            j = k;
            decimal = true;
        }
        if (j < n) {
            char f = text.charAt(j);
            if (isAsciiLetter(f) || f == '_') {
                return rejected(NumberReader.Problem.CODE, codeEnd(text, j)); // 5G, 3D
            }
            if ((isRangeMark(f) || f == '.') && j + 1 < n && isAsciiDigit(text.charAt(j + 1))) {
                return rejected(
                        NumberReader.Problem.RANGE, rangeEnd(text, j)); // 2015-2020, 3-5天, 2019/11/26, 10:30, 1.2.3
            }
        }
        try {
            return new ArabicLiteral(
                    new BigDecimal(digits.toString()), intDigits, j, thousands, decimal, leadingDot, null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The end of a code: its letters, digits and joiners (G20, 5G, COVID-19, A3-2). */
    private static int codeEnd(String text, int j) {
        int k = j;
        while (k < text.length() && k - j < 32) {
            char c = text.charAt(k);
            if (isAsciiLetter(c)
                    || isAsciiDigit(c)
                    || c == '_'
                    || c == '-'
                    || c == '.' && k + 1 < text.length() && isAsciiDigit(text.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    /** The end of a range, a date, a time or a version: its digits and the marks between them. */
    private static int rangeEnd(String text, int j) {
        int k = j;
        while (k < text.length() && k - j < 32) {
            char c = text.charAt(k);
            if (isAsciiDigit(c)
                    || (isRangeMark(c) || c == '.') && k + 1 < text.length() && isAsciiDigit(text.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    /** A mark between the two ends of a range, the parts of a date or a time: - — ~ / : 至 到. */
    static boolean isRangeMark(char c) {
        return c == '-' || c == '/' || c == '~' || c == '～' || c == '—' || c == '–' || c == ':' || c == '至' || c == '到';
    }

    private static boolean isDigit3(String text, int k) {
        return isAsciiDigit(text.charAt(k)) && isAsciiDigit(text.charAt(k + 1)) && isAsciiDigit(text.charAt(k + 2));
    }
}
