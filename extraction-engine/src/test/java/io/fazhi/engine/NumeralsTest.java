package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "二十三, 23",
        "十, 10",
        "十七, 17",
        "一百二十, 120",
        "一百零五, 105",
        "一万五千, 15000",
        "百, 100",
        "十亿, 1000000000",
        "两, 2",
        // colloquial tails: the last digit takes the place below its multiplier
        "三万六, 36000",
        "五千二, 5200",
        "八百四, 840",
        "七亿五, 750000000",
        "千五, 1500",
        "百二, 120",
        // a zero keeps the next digit in its own place
        "三万零六, 30006",
        "五千零二, 5002",
        "八百零四, 804",
        "二十万零三百, 200300",
        // financial and Traditional forms
        "叁佰陆拾伍, 365",
        "贰万捌仟, 28000",
        "陸拾, 60",
        "兩萬, 20000",
        "三億, 300000000",
        // 亿 over a 万 group
        "三万亿, 3000000000000",
        "两万五千亿, 2500000000000",
        "一百零十, 110",
    })
    void chineseValues(String numeral, long value) {
        assertEquals(value, Numerals.chineseValue(numeral), numeral);
    }

    @ParameterizedTest(name = "{0} has no exact value")
    @ValueSource(
            strings = {
                "十四五", // a plan's name: digits in a row
                "二〇一九", // a year written digit by digit
                "三四百", // a range
                "七八十", // a range
                "万", // a bare 万
                "亿", // a bare 亿
                "万一", // in case: no numeral
                "百十", // multipliers out of order
                "三万四万", // two 万 groups
                "一百零", // a gap before nothing
                "二十几" // inexact
            })
    void malformedOrInexactNumeralsHaveNoValue(String numeral) {
        assertEquals(-1, Numerals.chineseValue(numeral), numeral);
    }

    private static Numerals.Reading mixed(Object... tokens) {
        Numerals.Grammar g = new Numerals.Grammar();
        for (Object t : tokens) {
            boolean ok;
            if (t instanceof Integer p) {
                ok = g.power(p);
            } else if (t.equals("零")) {
                ok = g.zero();
            } else {
                String digits = (String) t;
                ok = g.digit(
                        new BigDecimal(digits), digits.replaceAll("\\..*", "").length());
            }
            assertTrue(ok, "token " + t);
        }
        return g.end();
    }

    @org.junit.jupiter.api.Test
    void arabicDigitsMixWithChineseMultipliersByPlace() {
        assertEquals(0, new BigDecimal("62000").compareTo(mixed("6", 4, "2000").value()));
        assertEquals(0, new BigDecimal("47000").compareTo(mixed("4", 4, "7", 3).value()));
        assertEquals(
                0,
                new BigDecimal("50080000").compareTo(mixed("5", 3, "零", "8", 4).value()));
        assertEquals(0, new BigDecimal("38000000").compareTo(mixed("3.8", 3, 4).value()));
        assertEquals(
                0, new BigDecimal("1250000000000").compareTo(mixed("1.25", 4, 8).value()));
        assertTrue(mixed("4", 4, "2000").mixed());
    }

    @org.junit.jupiter.api.Test
    void aShortArabicTailAfterAMultiplierIsAmbiguousNotGuessed() {
        Numerals.Reading r = mixed("6", 4, "2");
        assertNull(r.value());
        assertEquals(Numerals.Problem.AMBIGUOUS, r.problem());
        assertEquals(Numerals.Problem.AMBIGUOUS, mixed("6", 4, "200").problem());
        assertEquals(Numerals.Problem.MALFORMED, mixed("6", 4, "20000").problem());
    }

    @org.junit.jupiter.api.Test
    void anOpenDigitGivesALowerBound() {
        Numerals.Grammar g = new Numerals.Grammar();
        assertTrue(g.digit(BigDecimal.valueOf(3), 0));
        assertTrue(g.power(1));
        assertTrue(g.unknown());
        assertTrue(g.power(4));
        Numerals.Reading r = g.end();
        assertTrue(r.unknown());
        assertEquals(0, BigDecimal.valueOf(300000).compareTo(r.value()));
    }
}
