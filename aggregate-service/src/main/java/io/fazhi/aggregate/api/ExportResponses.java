package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.export.ExportTable;
import io.fazhi.aggregate.domain.export.HeaderLanguage;
import io.fazhi.aggregate.model.Page;
import io.fazhi.problems.BadParameterException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Answers a list as JSON or as a file to download (CSV or .xlsx, headers in English or Chinese), with
 * {@code X-Total-Count} either way. The file name says what it holds: {@code rollups-江门市-2019.csv}, with an ASCII
 * fallback for old clients.
 */
final class ExportResponses {
    static final String TOTAL_COUNT = "X-Total-Count";

    private ExportResponses() {}

    /** {@code headers=zh|en}, else Chinese when the client's first language is Chinese. */
    static HeaderLanguage language(HttpHeaders headers, String headersParam) {
        if (headersParam != null && !headersParam.isEmpty()) {
            return switch (headersParam) {
                case "zh" -> HeaderLanguage.ZH;
                case "en" -> HeaderLanguage.EN;
                default -> throw new BadParameterException("headers", "zh or en, not '" + headersParam + "'");
            };
        }
        List<Locale> languages = headers.getAcceptableLanguages();
        return !languages.isEmpty() && "zh".equals(languages.get(0).getLanguage())
                ? HeaderLanguage.ZH
                : HeaderLanguage.EN;
    }

    /** One page: JSON items, or the page's rows as a file. */
    static <T> Response page(
            ResponseFormat format, HeaderLanguage language, ExportTable<T> table, Page<T> page, Object... nameParts) {
        if (!format.isExport()) {
            return Response.ok(page.items(), MediaType.APPLICATION_JSON_TYPE)
                    .header(TOTAL_COUNT, page.total())
                    .build();
        }
        return file(format, language, table, page.items(), page.total(), nameParts);
    }

    /** Rows as a file. */
    static <T> Response file(
            ResponseFormat format,
            HeaderLanguage language,
            ExportTable<T> table,
            List<T> rows,
            long total,
            Object... nameParts) {
        StreamingOutput body = out -> format.writer().write(table, rows, language, out);
        String name = Stream.concat(
                        Stream.of(table.fileName()), Stream.of(nameParts).filter(Objects::nonNull))
                .map(Object::toString)
                .collect(Collectors.joining("-"));
        String ext = "." + format.writer().extension();
        String type = format.writer().mediaType() + (format == ResponseFormat.CSV ? ";charset=UTF-8" : "");
        return Response.ok(body, type)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + table.fileName() + ext + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(name + ext, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header(TOTAL_COUNT, total)
                .build();
    }
}
