package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.export.HeaderLanguage;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What output a client asks for, the same on every list of the API: JSON or a file ({@code format=json|csv|xlsx},
 * else by {@code Accept}), and the language of a file's headers ({@code headers=zh|en}, else by
 * {@code Accept-Language}).
 */
public class OutputParameters {
    @Context
    HttpHeaders http;

    @QueryParam("format")
    @Parameter(description = "json, csv or xlsx (else by Accept)")
    String format;

    @QueryParam("headers")
    @Parameter(description = "zh: Chinese column headers in csv/xlsx (else by Accept-Language); en: field names")
    String headers;

    ResponseFormat format() {
        return ResponseFormat.of(http, format);
    }

    HeaderLanguage language() {
        return ExportResponses.language(http, headers);
    }
}
