package io.fazhi.aggregate.domain.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a table in one file format. */
public interface TableWriter {
    /** The media type of the file. */
    String mediaType();

    /** The file name extension, without the dot. */
    String extension();

    <T> void write(ExportTable<T> table, List<T> rows, HeaderLanguage language, OutputStream out) throws IOException;

    /** A yes/no value as the language shows it. */
    static Object yesNo(Boolean value, HeaderLanguage language) {
        if (value == null || language == HeaderLanguage.EN) {
            return value;
        }
        return value ? "是" : "否";
    }
}
