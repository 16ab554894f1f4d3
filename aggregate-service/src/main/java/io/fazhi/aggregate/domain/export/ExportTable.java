package io.fazhi.aggregate.domain.export;

import java.util.List;

/**
 * A table to export: its columns, and the names of its file (ASCII) and of its sheet (Chinese, as a spreadsheet shows
 * it).
 */
public record ExportTable<T>(String fileName, String sheetName, List<ExportColumn<T>> columns) {
    public List<String> headers(HeaderLanguage language) {
        return columns.stream().map(c -> c.header(language)).toList();
    }
}
