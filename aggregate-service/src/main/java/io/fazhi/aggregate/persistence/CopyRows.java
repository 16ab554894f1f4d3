package io.fazhi.aggregate.persistence;

import java.math.BigDecimal;

/**
 * Builds the input of {@code COPY ... FROM STDIN} in PostgreSQL's text format: one line per row, fields separated by
 * tabs, {@code \N} for null, and backslash, tab, newline and carriage return escaped.
 */
public final class CopyRows {
    private final StringBuilder text = new StringBuilder(4096);
    private boolean rowStarted;
    private int rows;

    /** Appends a field to the current row (a null field is SQL NULL). */
    public CopyRows field(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    public String text() {
        return text.toString();
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
