package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.FactsQuery;
import io.fazhi.problems.BadParameterException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break (quotes
 * doubled). A text field that a spreadsheet would take for a formula (= + - @) is prefixed with a quote.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    public static final MediaType CSV = MediaType.valueOf(MEDIA_TYPE);

    private Csv() {}

    /** Whether the client prefers CSV: {@code format=csv}, or text/csv ranked before JSON in Accept. */
    public static boolean wanted(HttpHeaders headers, String format) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BadParameterException("format", "json or csv, not '" + format + "'");
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.getType().equalsIgnoreCase("text") && m.getSubtype().equalsIgnoreCase("csv")) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    public static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
        line(sb, header.stream().map(h -> (Object) h).toList());
        for (List<Object> row : rows) {
            line(sb, row);
        }
        return sb.toString();
    }

    public static Response response(String fileName, List<String> header, List<List<Object>> rows, long total) {
        return Response.ok(write(header, rows), MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("X-Total-Count", total)
                .build();
    }

    /** One page of a list: CSV (one row per item) when asked for, else JSON; with X-Total-Count either way. */
    public static <T> Response page(
            boolean csv, String fileName, List<String> header, FactsQuery.Page<T> page, Function<T, List<Object>> row) {
        if (csv) {
            return response(fileName, header, page.items().stream().map(row).toList(), page.total());
        }
        return Response.ok(page.items(), MediaType.APPLICATION_JSON_TYPE)
                .header("X-Total-Count", page.total())
                .build();
    }

    private static void line(StringBuilder sb, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }

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
