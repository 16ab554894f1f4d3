package io.fazhi.ingest.domain.document;

import io.fazhi.ingest.domain.DomainException;
import io.fazhi.ingest.domain.Shorten;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the text out of an upload: decides its format (by file name, then content type, then its first bytes) and
 * hands it to the reader of that format. Plain text, HTML, .docx and PDF; anything else is refused as unsupported.
 */
@ApplicationScoped
public class DocumentReader {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";

    /**
     * What was read.
     *
     * @param text the text of the upload, before cleaning
     * @param title a title the format itself gave (an HTML page's heading), else null
     * @param contentType the content type the original upload is stored with
     */
    public record Document(String text, String title, String contentType) {}

    enum Kind {
        TEXT,
        HTML,
        DOCX,
        PDF
    }

    private final Limits limits;

    public DocumentReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param mediaType the part's or body's media type without parameters (lower case), or null
     * @param charset the declared charset, or null
     * @param fileName the multipart file name, or null
     */
    public Document read(byte[] bytes, String mediaType, String charset, String fileName) {
        if (bytes.length > limits.uploadSize().asLongValue()) {
            throw new DomainException.TooLarge("the upload has " + bytes.length + " bytes; at most "
                    + limits.uploadSize().asLongValue() + " are accepted");
        }
        String declared = charset == null ? "" : "; charset=" + charset;
        return switch (kind(bytes, mediaType, fileName)) {
            case TEXT -> new Document(CharsetDetection.decode(bytes, charset), null, "text/plain" + declared);
            case HTML -> {
                HtmlArticle.Page page = HtmlArticle.extract(bytes, charset);
                yield new Document(page.text(), page.title(), "text/html" + declared);
            }
            // a NUL inside a document's text is an artefact of the format, not part of the report
            case DOCX -> new Document(WordText.read(bytes, limits).replace("\0", ""), null, DOCX);
            case PDF -> new Document(PdfText.read(bytes, limits).replace("\0", ""), null, PDF);
        };
    }

    static Kind kind(byte[] bytes, String mediaType, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        if (name.endsWith(".doc") || name.endsWith(".wps") || name.endsWith(".rtf") || name.endsWith(".odt")) {
            throw new DomainException.UnsupportedFormat(
                    "unsupported document format " + Shorten.to(name, 60) + "; upload .docx, .pdf, .html or .txt");
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
        return switch (type) {
            case "text/plain" -> Kind.TEXT;
            case "text/html", "application/xhtml+xml" -> Kind.HTML;
            case DOCX -> docx(bytes);
            case PDF -> Kind.PDF;
            case "", "application/octet-stream" -> sniff(bytes);
            default ->
                throw new DomainException.UnsupportedFormat(
                        "unsupported file type " + Shorten.to(type, 80) + "; upload .docx, .pdf, .html or .txt");
        };
    }

    private static Kind docx(byte[] bytes) {
        if (WordText.isOle2(bytes)) {
            throw new DomainException.UnsupportedFormat(
                    "a legacy or encrypted Word file; save it as an unprotected .docx");
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
        if (WordText.isOle2(b)) {
            throw new DomainException.UnsupportedFormat("a legacy .doc or encrypted Office file; save it as .docx");
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")) {
            return Kind.HTML;
        }
        return Kind.TEXT;
    }
}
