package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.export.CsvTableWriter;
import io.fazhi.aggregate.domain.export.TableWriter;
import io.fazhi.aggregate.domain.export.XlsxTableWriter;
import io.fazhi.problems.BadParameterException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The format a client asked for: {@code format=json|csv|xlsx}, else the first of them its Accept header ranks. */
public enum ResponseFormat {
    JSON(null),
    CSV(new CsvTableWriter()),
    XLSX(new XlsxTableWriter("fazhi-pipeline"));

    private final TableWriter writer;

    ResponseFormat(TableWriter writer) {
        this.writer = writer;
    }

    /** The writer of an export format; null for JSON. */
    public TableWriter writer() {
        return writer;
    }

    public boolean isExport() {
        return writer != null;
    }

    public static ResponseFormat of(HttpHeaders headers, String format) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new BadParameterException("format", "json, csv or xlsx, not '" + format + "'");
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return JSON;
            }
            if (m.getType().equalsIgnoreCase("text") && m.getSubtype().equalsIgnoreCase("csv")) {
                return CSV;
            }
            if (m.toString().startsWith(XlsxTableWriter.MEDIA_TYPE)) {
                return XLSX;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return JSON;
            }
        }
        return JSON;
    }
}
