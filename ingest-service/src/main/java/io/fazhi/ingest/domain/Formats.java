package io.fazhi.ingest.domain;

import io.fazhi.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which format an upload is in (by file name, then content type, then its first bytes) and its text.
 * text/plain, text/html, .docx and PDF; everything else is 415.
 */
@ApplicationScoped
public class Formats {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";

    /** The extracted text, a title the format itself gave (HTML), and the content type the original is stored as. */
    public record Extracted(String text, String title, String contentType) {}

    enum Kind {
        TEXT,
        HTML,
        DOCX,
        PDF
    }

    private final Limits limits;

    public Formats(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param mediaType the part's or body's media type without parameters (lower case), or null
     * @param charset   the declared charset, or null
     * @param fileName  the multipart file name, or null
     */
    public Extracted extract(byte[] bytes, String mediaType, String charset, String fileName) {
        if (bytes.length > limits.uploadSize().asLongValue()) {
            throw new ProblemException(
                    413,
                    "the upload has " + bytes.length + " bytes; at most "
                            + limits.uploadSize().asLongValue() + " are accepted");
        }
        Kind kind = kind(bytes, mediaType, fileName);
        return switch (kind) {
            case TEXT ->
                new Extracted(
                        Charsets.decode(bytes, charset),
                        null,
                        "text/plain" + (charset == null ? "" : "; charset=" + charset));
            case HTML -> {
                HtmlText.Page page = HtmlText.extract(bytes, charset);
                yield new Extracted(
                        page.text(), page.title(), "text/html" + (charset == null ? "" : "; charset=" + charset));
            }
            case DOCX -> new Extracted(DocumentText.docx(bytes, limits).replace("\0", ""), null, DOCX);
            case PDF -> new Extracted(DocumentText.pdf(bytes, limits).replace("\0", ""), null, PDF);
        };
    }

    static Kind kind(byte[] bytes, String mediaType, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        if (name.endsWith(".doc") || name.endsWith(".wps") || name.endsWith(".rtf") || name.endsWith(".odt")) {
            throw new ProblemException(
                    415,
                    "unsupported document format " + Texts.shorten(name, 60) + "; upload .docx, .pdf, .html or .txt");
        }
        if (name.endsWith(".docx")) {
            return docx(bytes);
        }
        if (name.endsWith(".pdf")) {
            return Kind.PDF;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml")) {
            return Kind.HTML;
        }
        if (name.endsWith(".txt")) {
            return Kind.TEXT;
        }
        String type = mediaType == null ? "" : mediaType;
        switch (type) {
            case "text/plain":
                return Kind.TEXT;
            case "text/html":
            case "application/xhtml+xml":
                return Kind.HTML;
            case DOCX:
                return docx(bytes);
            case PDF:
                return Kind.PDF;
            case "":
            case "application/octet-stream":
                return sniff(bytes);
            default:
                throw new ProblemException(
                        415,
                        "unsupported file type " + Texts.shorten(type, 80) + "; upload .docx, .pdf, .html or .txt");
        }
    }

    private static Kind docx(byte[] bytes) {
        if (DocumentText.isOle2(bytes)) {
            throw new ProblemException(415, "a legacy or encrypted Word file; save it as an unprotected .docx");
        }
        return Kind.DOCX;
    }

    private static Kind sniff(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("%pdf")) {
            return Kind.PDF;
        }
        if (head.startsWith("pk\u0003\u0004")) {
            return Kind.DOCX;
        }
        if (DocumentText.isOle2(b)) {
            throw new ProblemException(415, "a legacy .doc or encrypted Office file; save it as .docx");
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")) {
            return Kind.HTML;
        }
        return Kind.TEXT;
    }
}
