package io.fazhi.aggregate.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.model.RollupCell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The .xlsx read back with fastexcel-reader: sheet, headers, numbers as numbers, formulas as plain text. */
class XlsxTableWriterTest {
    @Test
    void aWorkbookReadsBackAsWritten() throws Exception {
        RollupCell rate = new RollupCell(
                "江门市",
                2020,
                "新会区",
                "satisfaction_rate",
                "满意率",
                "%",
                2,
                2,
                2,
                null,
                new BigDecimal("85"),
                new BigDecimal("95.5"),
                new BigDecimal("90.25"),
                false);
        RollupCell formula = new RollupCell(
                "=cmd|' /C calc'!A0",
                2020,
                null,
                "funding",
                "资金",
                "元",
                1,
                1,
                1,
                new BigDecimal("19557000"),
                null,
                null,
                null,
                false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxTableWriter("test").write(ExportTables.ROLLUPS, List.of(rate, formula), HeaderLanguage.ZH, out);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getFirstSheet();
            assertEquals("汇总", sheet.getName());
            List<Row> rows = sheet.read();
            assertEquals(3, rows.size());
            assertEquals("城市", rows.get(0).getCellText(0));
            assertEquals("指标", rows.get(0).getCellText(4));
            assertEquals("含下限值", rows.get(0).getCellText(13));
            assertEquals("新会区", rows.get(1).getCellText(2));
            assertEquals("满意率", rows.get(1).getCellText(4));
            assertEquals(new BigDecimal("2020"), rows.get(1).getCellAsNumber(1).orElseThrow());
            assertEquals(new BigDecimal("95.5"), rows.get(1).getCellAsNumber(11).orElseThrow());
            assertTrue(rows.get(1).getCellText(9).isEmpty(), "a rate has no sum");
            assertEquals("否", rows.get(1).getCellText(13));
            assertEquals("=cmd|' /C calc'!A0", rows.get(2).getCellText(0), "text, not a formula");
            assertEquals(
                    new BigDecimal("19557000"), rows.get(2).getCellAsNumber(9).orElseThrow());
        }
    }

    @Test
    void chineseTextIsTwiceAsWide() {
        assertEquals(4, XlsxTableWriter.width("江门"));
        assertEquals(3, XlsxTableWriter.width("abc"));
    }
}
