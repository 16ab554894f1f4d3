package io.fazhi.aggregate.domain.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An .xlsx workbook of one sheet (fastexcel, streaming): a bold header row that stays in view, a filter on every
 * column, numbers as numbers and text as text (a cell's text is never evaluated as a formula), columns wide enough
 * for their Chinese text.
 */
public final class XlsxTableWriter implements TableWriter {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Excel's limit on a sheet name. */
    static final int MAX_SHEET_NAME = 31;
    /** Widest column, in characters. */
    static final int MAX_WIDTH = 60;

    private final String application;

    /** @param application the application name written into the workbook's properties */
    public XlsxTableWriter(String application) {
        this.application = application;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public <T> void write(ExportTable<T> table, List<T> rows, HeaderLanguage language, OutputStream out)
            throws IOException {
        Workbook wb = new Workbook(out, application, "1.0");
        String name = table.sheetName().replaceAll("[\\[\\]:*?/\\\\]", " ");
        Worksheet ws = wb.newWorksheet(name.length() > MAX_SHEET_NAME ? name.substring(0, MAX_SHEET_NAME) : name);
        List<String> headers = table.headers(language);
        double[] widths = new double[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            widths[c] = width(headers.get(c));
        }
        ws.range(0, 0, 0, headers.size() - 1).style().bold().set();
        for (int r = 0; r < rows.size(); r++) {
            T row = rows.get(r);
            for (int c = 0; c < table.columns().size(); c++) {
                Object v = table.columns().get(c).value().apply(row);
                if (v instanceof Boolean b) {
                    v = TableWriter.yesNo(b, language);
                }
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v instanceof Boolean b) {
                    ws.value(r + 1, c, b);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
                if (v != null) {
                    widths[c] = Math.max(widths[c], width(v.toString()));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, Math.min(MAX_WIDTH, widths[c] + 2));
        }
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, headers.size() - 1);
        wb.finish();
    }

    /** Display width in characters: a Chinese character is as wide as two Latin ones. */
    static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= 0x3000 ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
