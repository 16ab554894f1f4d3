package io.fazhi.aggregate.domain.export;

import java.util.function.Function;

/**
 * One column of an export: its id (the JSON field name), its Chinese header, and how a row gives its value.
 *
 * @param value a String, Number or Boolean of the row, or null for an empty cell
 */
public record ExportColumn<T>(String id, String chineseHeader, Function<T, Object> value) {
    public String header(HeaderLanguage language) {
        return language == HeaderLanguage.ZH ? chineseHeader : id;
    }
}
