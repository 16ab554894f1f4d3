package io.fazhi.ingest.api;

import io.fazhi.contracts.Roles;
import io.fazhi.ingest.domain.Accepted;
import io.fazhi.ingest.domain.DomainException;
import io.fazhi.ingest.domain.ReportUpload;
import io.fazhi.ingest.domain.UploadMetadata;
import io.fazhi.ingest.domain.UploadService;
import io.fazhi.ingest.domain.document.DocumentReader;
import io.fazhi.ingest.domain.document.Limits;
import io.fazhi.ingest.domain.document.UsableText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The three ways to upload a report: JSON, a raw body (text, HTML, PDF, .docx) and a multipart form. Each reads the
 * upload's text ({@link DocumentReader}, {@link UsableText}) and hands it to {@link UploadService}; their answers are
 * described once, in {@link UploadApiDescription}.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
@Tag(
        name = "reports",
        description = "Upload reports and follow them through the pipeline. Every call needs a bearer token: an "
                + "agency's (its own reports only) or an operator's (any agency, or none for a backfill).")
public class UploadResource {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final String KEY_DESCRIPTION = "makes a retried upload safe: the same key with the same request "
            + "answers the same report; with a different request, 409";

    private final UploadService uploads;
    private final DocumentReader documents;
    private final Limits limits;
    private final Callers callers;

    public UploadResource(UploadService uploads, DocumentReader documents, Limits limits, Callers callers) {
        this.uploads = uploads;
        this.documents = documents;
        this.limits = limits;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadJson",
            summary = "Upload a report as JSON",
            description = "Only text is required; agency, city, district and year are read from the text where "
                    + "missing (with an agency token, they come from the registry).")
    public Response uploadJson(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = UploadRequest.class)))
                    @NotNull(message = "a JSON body is required")
                    @Valid
                    UploadRequest request,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key,
            @Context UriInfo uri,
            @Context ContainerRequestContext ctx) {
        byte[] original = request.text().getBytes(StandardCharsets.UTF_8);
        return accept(
                new DocumentReader.Document(request.text(), null, "text/plain; charset=UTF-8"),
                original,
                request.metadata(),
                key,
                uri,
                ctx);
    }

    @POST
    @Consumes({
        MediaType.TEXT_PLAIN,
        MediaType.TEXT_HTML,
        "application/xhtml+xml",
        DocumentReader.PDF,
        DocumentReader.DOCX
    })
    @Operation(
            operationId = "uploadBody",
            summary = "Upload a report as a plain text, an HTML page, a PDF or a .docx body",
            description = "Text: the charset of the Content-Type header, else UTF-8 when valid, else detected "
                    + "(GBK, GB18030, Big5), else GB18030. HTML: a whole web page; the article is kept, navigation, "
                    + "scripts and footers dropped. Metadata as query parameters.")
    public Response uploadBody(
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = MediaType.TEXT_PLAIN,
                                        schema = @Schema(type = SchemaType.STRING),
                                        examples =
                                                @ExampleObject(
                                                        name = "text",
                                                        value = "江门市新会区科工商务局2019年法治政府建设工作报告\n"
                                                                + "一、基本情况\n(一)优化行政审批制度流程。共完成外资备案手续168件。")),
                                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                                @Content(
                                        mediaType = DocumentReader.PDF,
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = DocumentReader.DOCX,
                                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
                            })
                    byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("agency") String agency,
            @QueryParam("city") String city,
            @QueryParam("district") String district,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
            @QueryParam("title") String title,
            @QueryParam("published") String published,
            @QueryParam("sourceUrl") String sourceUrl,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key,
            @Context UriInfo uri,
            @Context ContainerRequestContext ctx) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidFields("Content-Type", "is malformed");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        DocumentReader.Document document =
                documents.read(bytes, bare(type), type.getParameters().get("charset"), null);
        UploadMetadata md =
                new UploadMetadata(agency, city, district, UploadMetadata.year(year), title, published, sourceUrl);
        return accept(document, bytes, md, key, uri, ctx);
    }

    /** A multipart form: the file and the metadata fields. */
    public static class Form {
        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", description = ".txt, .html, .docx or .pdf")
        public FileUpload file;

        @RestForm
        public String agency;

        @RestForm
        public String city;

        @RestForm
        public String district;

        @RestForm
        @Schema(type = SchemaType.INTEGER)
        public String year;

        @RestForm
        public String title;

        @RestForm
        public String published;

        @RestForm
        public String sourceUrl;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "uploadFile",
            summary = "Upload a report file (.txt, .html, .docx, .pdf) with its metadata as form fields",
            description = "The format is taken from the file name, else the part's content type, else its first "
                    + "bytes. Word and PDF text is extracted (PDF line wraps re-joined, page numbers dropped); a zip "
                    + "bomb or a PDF with more pages than allowed is refused.")
    public Response uploadFile(
            Form form,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key,
            @Context UriInfo uri,
            @Context ContainerRequestContext ctx) {
        if (form == null || form.file == null) {
            throw new DomainException.InvalidFields("file", "a file part is required");
        }
        if (form.file.size() > limits.uploadSize().asLongValue()) {
            throw new DomainException.TooLarge("the file has " + form.file.size() + " bytes; at most "
                    + limits.uploadSize().asLongValue() + " are accepted");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(form.file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String partType = form.file.contentType();
        String mediaType = null;
        String charset = null;
        if (partType != null && !partType.isBlank()) {
            try {
                MediaType t = MediaType.valueOf(partType);
                mediaType = bare(t);
                charset = t.getParameters().get("charset");
            } catch (IllegalArgumentException e) {
                throw new DomainException.UnsupportedFormat("the file part's content type is malformed");
            }
        }
        DocumentReader.Document document = documents.read(bytes, mediaType, charset, form.file.fileName());
        UploadMetadata md = new UploadMetadata(
                form.agency,
                form.city,
                form.district,
                UploadMetadata.year(form.year),
                form.title,
                form.published,
                form.sourceUrl);
        return accept(document, bytes, md, key, uri, ctx);
    }

    private Response accept(
            DocumentReader.Document document,
            byte[] original,
            UploadMetadata given,
            String key,
            UriInfo uri,
            ContainerRequestContext ctx) {
        UploadMetadata md = given.validated();
        if (md.title() == null && document.title() != null && document.title().length() <= 500) {
            md = md.withTitle(document.title());
        }
        String text = UsableText.of(document.text(), limits.textChars());
        Accepted accepted = uploads.accept(
                new ReportUpload(callers.current(), original, document.contentType(), text, md, idempotencyKey(key)));
        ctx.setProperty(UploadMetrics.OUTCOME, accepted.outcome());
        ReportView view = ReportView.of(accepted);
        Response.ResponseBuilder b = accepted.created() ? Response.accepted(view) : Response.ok(view);
        return b.location(uri.getBaseUriBuilder()
                        .path("api/v1/reports")
                        .path(accepted.reportId())
                        .build())
                .build();
    }

    private static String bare(MediaType t) {
        return (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT);
    }

    private static String idempotencyKey(String key) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new DomainException.InvalidFields("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }
}
