package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportYears;
import io.fazhi.engine.text.Han;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an uploader says about a report; null = let the text say it. {@link #validated()} cleans every field (NFC,
 * trimmed, zero-width characters dropped) and refuses what no report has: control and bidirectional override
 * characters, names without a Chinese character or with markup, a year outside {@link ReportYears}, a date that is no
 * date, a URL that is not http(s). Every refusal names the field.
 */
public record UploadMetadata(
        String agency, String city, String district, Integer year, String title, String published, String sourceUrl) {

    /** Chinese, Latin letters, digits, spaces and the punctuation of office names: 江门市(新会区)科工商务局 */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9 ()（）·・\\-—]+");

    private static final Pattern FORBIDDEN =
            Pattern.compile("[\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c\\p{Co}\\p{Cn}\\p{Cs}]");
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public UploadMetadata validated() {
        List<DomainException.InvalidFields.Field> errors = new ArrayList<>();
        String a = name("agency", agency, 200, errors);
        String c = name("city", city, 100, errors);
        String d = name("district", district, 100, errors);
        if (year != null && !ReportYears.valid(year)) {
            errors.add(field("year", "must be between " + ReportYears.FIRST + " and " + ReportYears.LAST));
        }
        String t = free("title", title, 500, errors);
        String p = free("published", published, 10, errors);
        if (p != null) {
            if (!ISO_DATE.matcher(p).matches()) {
                errors.add(field("published", "must be a date as yyyy-MM-dd"));
            } else {
                try {
                    if (!ReportYears.valid(LocalDate.parse(p).getYear())) {
                        errors.add(field(
                                "published",
                                "must be a date between " + ReportYears.FIRST + " and " + ReportYears.LAST));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(field("published", "must be a date as yyyy-MM-dd"));
                }
            }
        }
        String u = free("sourceUrl", sourceUrl, 2000, errors);
        if (u != null && !isHttpUrl(u)) {
            errors.add(field("sourceUrl", "must be an http or https URL"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidFields(errors);
        }
        return new UploadMetadata(a, c, d, year, t, p, u);
    }

    /** Parses a year given as text (query parameter, form field); refused when it is not a number. */
    public static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidFields("year", "must be a number");
        }
    }

    public UploadMetadata withTitle(String title) {
        return new UploadMetadata(agency, city, district, year, title, published, sourceUrl);
    }

    /** A stable rendering, part of an upload's fingerprint for Idempotency-Keys. */
    public String canonical() {
        return String.join(
                "\u001f",
                String.valueOf(agency),
                String.valueOf(city),
                String.valueOf(district),
                String.valueOf(year),
                String.valueOf(title),
                String.valueOf(published),
                String.valueOf(sourceUrl));
    }

    private static boolean isHttpUrl(String u) {
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static DomainException.InvalidFields.Field field(String name, String message) {
        return new DomainException.InvalidFields.Field(name, message);
    }

    private static String name(String field, String value, int max, List<DomainException.InvalidFields.Field> errors) {
        String v = free(field, value, max, errors);
        if (v == null) {
            return null;
        }
        if (!NAME.matcher(v).matches() || !Han.contains(v)) {
            errors.add(field(field, "must be a Chinese name (Chinese characters, letters, digits, spaces, brackets)"));
        }
        return v;
    }

    private static String free(String field, String value, int max, List<DomainException.InvalidFields.Field> errors) {
        if (value == null) {
            return null;
        }
        if (FORBIDDEN.matcher(value).find()) {
            errors.add(field(field, "contains control or invisible formatting characters"));
            return null;
        }
        String v = ZERO_WIDTH
                .matcher(Normalizer.normalize(value, Normalizer.Form.NFC))
                .replaceAll("")
                .strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            errors.add(field(field, "must be at most " + max + " characters"));
        }
        return v;
    }
}
