package io.fazhi.aggregate.domain.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fazhi.aggregate.model.RollupCell;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV for Excel and WPS: the byte-order mark, CRLF, headers in English or Chinese, quoting and the formula guard. */
class CsvTableWriterTest {
    static final RollupCell CELL = new RollupCell(
            "江门市",
            2019,
            null,
            "publicity_materials",
            "宣传资料",
            "份",
            2,
            2,
            1,
            new BigDecimal("2000"),
            new BigDecimal("500"),
            new BigDecimal("1500"),
            new BigDecimal("1000"),
            true);

    static byte[] write(List<RollupCell> rows, HeaderLanguage language) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvTableWriter().write(ExportTables.ROLLUPS, rows, language, out);
        return out.toByteArray();
    }

    @Test
    void excelAndWpsReadItAsUtf8() throws Exception {
        byte[] bytes = write(List.of(CELL), HeaderLanguage.ZH);
        assertArrayEquals(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "byte-order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals(
                "城市,年度,区县,指标代码,指标,单位,数据条数,报告数,机构数,合计,最小值,最大值,平均值,含下限值\r\n"
                        + "江门市,2019,,publicity_materials,宣传资料,份,2,2,1,2000,500,1500,1000,是\r\n",
                text);
    }

    @Test
    void englishHeadersAreTheJsonFieldNames() throws Exception {
        String text = new String(write(List.of(CELL), HeaderLanguage.EN), StandardCharsets.UTF_8);
        assertEquals(
                "\uFEFFcity,year,district,indicator,indicatorName,unit,observations,reports,agencies,sum,min,max,mean,"
                        + "lowerBound\r\n",
                text.substring(0, text.indexOf("\r\n") + 2));
        assertEquals(true, text.endsWith(",true\r\n"));
    }

    @Test
    void fieldsAreQuotedAndGuardedAgainstFormulas() {
        assertEquals("\"法治宣传资料,\"\"七五\"\"普法\"", CsvTableWriter.field("法治宣传资料,\"七五\"普法"));
        assertEquals("\"第一行\n第二行\"", CsvTableWriter.field("第一行\n第二行"));
        assertEquals("'=1+2", CsvTableWriter.field("=1+2"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvTableWriter.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvTableWriter.field("+1"));
        assertEquals("'@SUM(A1)", CsvTableWriter.field("@SUM(A1)"));
        assertEquals("-5", CsvTableWriter.field(new BigDecimal("-5")), "a number is no formula");
        assertEquals("19557000", CsvTableWriter.field(new BigDecimal("1.9557E+7")), "plain, never scientific");
        assertEquals("", CsvTableWriter.field(null));
    }
}
