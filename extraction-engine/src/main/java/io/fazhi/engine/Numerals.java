package io.fazhi.engine;

import java.math.BigDecimal;

/**
 * How numbers are written with Chinese numerals: the alphabet ({@code engine/numerals.tsv}: common, financial 大写
 * and Traditional forms) and the one grammar that gives a numeral its value. The grammar reads pure Chinese
 * numerals ({@code 二十三}, {@code 一万五千}, {@code 壹佰伍拾}) and numbers that mix Arabic digits with Chinese
 * multipliers ({@code 3万4000}, {@code 2千零30万}), fed token by token through {@link Grammar}. Hand-written, no
 * regular expressions; every method is bounded by the span it is given.
 */
public final class Numerals {
    /** Longest pure Chinese numeral read (四千五百六十九万八千三百一十一亿… has 32 characters). */
    public static final int MAX_CHARS = 40;

    private static final byte NONE = 0;
    private static final byte DIGIT = 1;
    private static final byte ZERO = 2;
    private static final byte POWER = 3;
    private static final byte UNKNOWN = 4;

    private static final byte[] ROLE = new byte[65536];
    private static final byte[] VALUE = new byte[65536];
    private static final boolean[] FINANCIAL = new boolean[65536];
    private static final boolean[] TRADITIONAL = new boolean[65536];
    private static final boolean[] COMMON = new boolean[65536];

    static {
        for (String[] r : EngineData.rows("numerals.tsv", 4)) {
            char c = r[0].charAt(0);
            ROLE[c] = switch (r[1]) {
                case "digit" -> DIGIT;
                case "zero" -> ZERO;
                case "power" -> POWER;
                case "unknown" -> UNKNOWN;
                default -> throw new IllegalStateException("numerals.tsv: unknown role " + r[1]);
            };
            VALUE[c] = Byte.parseByte(r[2]);
            FINANCIAL[c] = r[3].equals("financial");
            TRADITIONAL[c] = r[3].equals("traditional");
            COMMON[c] = r[3].equals("common");
        }
    }

    private Numerals() {}

    /** The value of a Chinese digit (零〇一二两三…九 and their financial and Traditional forms), else -1. */
    public static int digit(char c) {
        return ROLE[c] == DIGIT || ROLE[c] == ZERO ? VALUE[c] : -1;
    }

    /** The power of ten of a Chinese multiplier (十百千万亿, 拾佰仟萬億), else 0. */
    public static int power(char c) {
        return ROLE[c] == POWER ? VALUE[c] : 0;
    }

    /** A digit, 零 or a multiplier. */
    public static boolean isChineseNumeralChar(char c) {
        return ROLE[c] == DIGIT || ROLE[c] == ZERO || ROLE[c] == POWER;
    }

    /** 零 or 〇: a skipped place. */
    public static boolean isZero(char c) {
        return ROLE[c] == ZERO;
    }

    /** 几: a digit the writer leaves open (二十几万), read as a lower bound. */
    public static boolean isUnknownDigit(char c) {
        return ROLE[c] == UNKNOWN;
    }

    /** A financial (大写) form: 壹 贰 叁 … 拾 佰 仟. */
    public static boolean isFinancial(char c) {
        return FINANCIAL[c];
    }

    /** A Traditional form that Simplified text writes otherwise: 萬 億 兩. */
    public static boolean isTraditional(char c) {
        return TRADITIONAL[c];
    }

    /** 一..十 and their combinations as used in section markers (common forms; no 零, 两 or large multipliers). */
    static boolean isSmallChineseDigit(char c) {
        return COMMON[c] && ((ROLE[c] == DIGIT && VALUE[c] >= 1 && c != '两') || c == '十');
    }

    /** The value of a numeral such as {@code 二十三} or {@code 一万五千}, or -1 when it is not a well-formed numeral. */
    public static long chineseValue(CharSequence s) {
        return chineseValue(s, 0, s.length());
    }

    /**
     * The exact value of the pure Chinese numeral in {@code [from, to)}, or -1 when it is malformed (two digits in a
     * row as in {@code 十四五} or {@code 二〇一九}, a multiplier out of order), inexact ({@code 几}), a bare multiplier
     * ({@code 万}), or longer than {@link #MAX_CHARS}. Colloquial tails count: {@code 一万三} is 13000.
     */
    public static long chineseValue(CharSequence s, int from, int to) {
        if (to <= from || to - from > MAX_CHARS) {
            return -1;
        }
        Grammar g = new Grammar();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = switch (ROLE[c]) {
                case DIGIT -> g.digit(BigDecimal.valueOf(VALUE[c]), 0);
                case ZERO -> g.zero();
                case POWER -> g.power(VALUE[c]);
                default -> false;
            };
            if (!ok) {
                return -1;
            }
        }
        Reading r = g.end();
        if (r.problem() != null || r.unknown() || r.bare() && Numerals.power(s.charAt(from)) >= 4) {
            return -1; // malformed, inexact, or 万 alone
        }
        try {
            return r.value().longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** Why a numeral has no exact value. */
    public enum Problem {
        /** Digits in a row, multipliers out of order, a trailing 零: 十四五, 二〇一九, 三四百, 一万万. */
        MALFORMED,
        /** An Arabic tail too short for its place after a multiplier: 3万4 may be 34000 or 30004. */
        AMBIGUOUS
    }

    /**
     * What a numeral says.
     *
     * @param value      the value, or null when there is a problem; a lower bound when {@code unknown}
     * @param problem    why there is no value, or null
     * @param colloquial a last digit took the place below the multiplier before it (一万三 = 13000, 九百九 = 990)
     * @param unknown    a 几 stood for a digit (二十几万 is at least 200000)
     * @param bare       no digit at all, only a multiplier of 百 or more (百, 千, 万, 百万): a round number only when
     *     an approximation marks it (近百, 上千, 万余)
     * @param zeroGap    a 零 marked a skipped place (一千零五)
     * @param wanYi      亿 multiplied a number that holds a 万 group (一万五千亿, 4.78万亿)
     * @param mixed      Arabic digits and Chinese multipliers past a single multiplier (3万4000, 25万6千, 2千零30万)
     */
    public record Reading(
            BigDecimal value,
            Problem problem,
            boolean colloquial,
            boolean unknown,
            boolean bare,
            boolean zeroGap,
            boolean wanYi,
            boolean mixed) {}

    /**
     * The grammar of a numeral, fed one token at a time: a digit (a Chinese digit, or an Arabic literal such as
     * {@code 30} or {@code 4.78}), 零, 几, a multiplier (a power of ten: 十 1, 百 2, 千 3, 万 4, 亿 8) or a decimal
     * fraction (三点五). Each method answers false when the token cannot continue the numeral; {@link #end} gives the
     * value. Within a group (below 万) the multipliers fall (千 > 百 > 十); 万 closes a group; 亿 multiplies
     * everything before it, so 万亿 and 一万五千亿 read as written. One instance reads one numeral.
     */
    public static final class Grammar {
        private static final BigDecimal TEN_THOUSAND = BigDecimal.TEN.pow(4);
        private static final BigDecimal HUNDRED_MILLION = BigDecimal.TEN.pow(8);

        private BigDecimal high = BigDecimal.ZERO; // the 亿 group, multiplied
        private BigDecimal mid = BigDecimal.ZERO; // the 万 group below it, multiplied
        private BigDecimal section = BigDecimal.ZERO; // below 万
        private BigDecimal pending; // a digit waiting for its multiplier
        private int pendingArabicDigits; // 0: a Chinese digit; -1: a Chinese decimal; else an Arabic literal's digits
        private boolean pendingUnknown;
        private boolean pendingZero; // a 零 with no digit after it yet
        private int powerBeforePending; // the multiplier right before the pending digit (0: none, or a 零 between)
        private int lastSmall = 4; // the last multiplier within the group
        private boolean wanInLevel; // a 万 closed a group since the last 亿
        private boolean yi;
        private boolean locked; // after a decimal: only multipliers may follow
        private boolean anyToken;
        private int digits;
        private boolean anyArabic;
        private boolean arabicAfterPower;
        private int firstPower; // the multiplier the numeral starts with, 0 when it starts with a digit or 零
        private int lastPower;
        private boolean zeroGap;
        private boolean sawZeroGap;
        private boolean unknown;
        private boolean wanYi;

        /** A digit: a Chinese digit ({@code arabicDigits} 0) or an Arabic literal with that many integer digits. */
        public boolean digit(BigDecimal v, int arabicDigits) {
            if (locked || pending != null || firstPower >= 4 && digits == 0) {
                return false; // two digits in a row (十四五, 二〇一九, 三四百); 万一 is no numeral
            }
            pending = v;
            pendingArabicDigits = arabicDigits;
            pendingUnknown = false;
            powerBeforePending = zeroGap ? 0 : lastPower;
            pendingZero = false;
            anyToken = true;
            digits++;
            if (arabicDigits > 0) {
                anyArabic = true;
                arabicAfterPower |= lastPower > 0 || zeroGap;
            }
            return true;
        }

        /** 几: a digit left open, read as its lower bound. */
        public boolean unknown() {
            if (!digit(BigDecimal.ZERO, 0)) {
                return false;
            }
            pendingUnknown = true;
            unknown = true;
            return true;
        }

        /** 零 or 〇. */
        public boolean zero() {
            if (locked || pending != null) {
                return false; // 二〇: a digit then a zero is a digit string (a year), not a numeral
            }
            pendingZero = true;
            zeroGap = true;
            sawZeroGap |= anyToken;
            anyToken = true;
            lastPower = 0;
            return true;
        }

        /** A decimal fraction (the 五 of 三点五) added to the pending digit or to the group. */
        public boolean fraction(BigDecimal f) {
            if (locked || pendingUnknown || pendingZero) {
                return false;
            }
            pending = (pending == null ? BigDecimal.ZERO : pending).add(f);
            pendingArabicDigits = -1;
            anyToken = true;
            locked = true;
            return true;
        }

        /** A multiplier: 1 (十), 2 (百), 3 (千), 4 (万) or 8 (亿). */
        public boolean power(int p) {
            boolean start = !anyToken;
            boolean decimalPending = pending != null && pending.scale() > 0;
            if (locked && pending == null && p < 4) {
                return false;
            }
            BigDecimal digit = pending == null ? null : pendingUnknown ? BigDecimal.ONE : pending;
            if (p < 4) {
                if (p >= lastSmall) {
                    return false; // 十百, 百千: out of order within a group
                }
                BigDecimal m;
                if (digit != null) {
                    if (digit.signum() == 0
                            || pendingArabicDigits > 0 && !decimalPending && digit.compareTo(BigDecimal.TEN) >= 0) {
                        return false; // 12百: an Arabic digit before 十百千 is one digit
                    }
                    m = digit;
                } else if (start || p == 1 && (digits > 0 || pendingZero)) {
                    m = BigDecimal.ONE; // 十五, 百三, 千三; 一百零十, 一百十五 (not 百十)
                } else {
                    return false;
                }
                section = section.add(m.multiply(BigDecimal.TEN.pow(p)));
                lastSmall = p;
            } else {
                if (pendingUnknown && section.signum() > 0) {
                    digit = BigDecimal.ZERO; // 二十几万: the open digit is the units, at least 0
                }
                BigDecimal v = section.add(digit == null ? BigDecimal.ZERO : digit);
                if (p == 8) {
                    v = v.add(mid);
                }
                if (v.signum() == 0) {
                    if (!start) {
                        return false; // 零万, 0万
                    }
                    v = BigDecimal.ONE; // 万余人: a bare multiplier
                }
                if (p == 4) {
                    if (wanInLevel) {
                        return false; // 三万四万
                    }
                    mid = v.multiply(TEN_THOUSAND);
                    wanInLevel = true;
                } else {
                    if (yi) {
                        return false; // 亿亿
                    }
                    wanYi |= mid.signum() > 0;
                    high = v.multiply(HUNDRED_MILLION);
                    mid = BigDecimal.ZERO;
                    wanInLevel = false;
                    yi = true;
                }
                section = BigDecimal.ZERO;
                lastSmall = 4;
            }
            if (decimalPending) {
                locked = true;
            }
            if (start) {
                firstPower = p;
            }
            pending = null;
            pendingUnknown = false;
            pendingZero = false;
            pendingArabicDigits = 0;
            zeroGap = false;
            anyToken = true;
            lastPower = p;
            return true;
        }

        /** The reading of the numeral fed so far. */
        public Reading end() {
            if (pendingZero || !anyToken) {
                return problem(Problem.MALFORMED); // 一百零: a gap before nothing
            }
            BigDecimal tail = BigDecimal.ZERO;
            boolean colloquial = false;
            if (pending != null && !pendingUnknown) {
                int lp = powerBeforePending;
                if (pendingArabicDigits == 0 && lp >= 2) {
                    // 一万三 = 13000, 九百九 = 990: the digit takes the place below the multiplier
                    tail = pending.multiply(BigDecimal.TEN.pow(lp == 4 ? 3 : lp == 8 ? 7 : lp - 1));
                    colloquial = true;
                } else if (pendingArabicDigits > 0 && lp >= 2) {
                    if (pending.scale() > 0 || pendingArabicDigits > lp) {
                        return problem(Problem.MALFORMED); // 3万4.5, 3万40000
                    }
                    if (pendingArabicDigits < lp) {
                        return problem(Problem.AMBIGUOUS); // 3万4: 34000 or 30004
                    }
                    tail = pending; // 3万4000
                } else {
                    tail = pending;
                }
            }
            BigDecimal value = high.add(mid).add(section).add(tail);
            boolean bare = digits == 0 && firstPower >= 2;
            boolean mixed = anyArabic && (arabicAfterPower || digits > 1);
            return new Reading(value, null, colloquial, unknown, bare, sawZeroGap, wanYi, mixed);
        }

        private static Reading problem(Problem p) {
            return new Reading(null, p, false, false, false, false, false, false);
        }
    }
}
