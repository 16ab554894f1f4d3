package io.fazhi.aggregate.domain.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV that opens correctly when double-clicked in Excel or WPS on Windows: UTF-8 with a byte-order mark (without it
 * Excel reads GBK and the Chinese turns to mojibake), a header row, CRLF line ends, fields quoted (quotes doubled)
 * when they hold a comma, quote or line break (RFC 4180), and a {@code '} before a text field that a spreadsheet would
 * take for a formula ({@code = + - @}, tab, carriage return), so that an exported label cannot run as one.
 */
public final class CsvTableWriter implements TableWriter {
    public static final String MEDIA_TYPE = "text/csv";
    /** The byte-order mark that tells Excel and WPS the file is UTF-8. */
    static final char BOM = '\uFEFF';

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public <T> void write(ExportTable<T> table, List<T> rows, HeaderLanguage language, OutputStream out)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(BOM);
        line(w, table.headers(language).stream().map(h -> (Object) h).toList());
        for (T row : rows) {
            line(w, table.columns().stream().map(c -> value(c, row, language)).toList());
        }
        w.flush();
    }

    private static <T> Object value(ExportColumn<T> column, T row, HeaderLanguage language) {
        Object v = column.value().apply(row);
        return v instanceof Boolean b ? TableWriter.yesNo(b, language) : v;
    }

    private static void line(Writer w, List<Object> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** One field as written: numbers plain, text guarded against formulas and quoted when needed. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
