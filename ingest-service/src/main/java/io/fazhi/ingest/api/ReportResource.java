package io.fazhi.ingest.api;

import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.ingest.domain.Accepted;
import io.fazhi.ingest.domain.Caller;
import io.fazhi.ingest.domain.Formats;
import io.fazhi.ingest.domain.Limits;
import io.fazhi.ingest.domain.Metadata;
import io.fazhi.ingest.domain.ReportService;
import io.fazhi.ingest.domain.ReportUpload;
import io.fazhi.ingest.domain.ReprocessService;
import io.fazhi.ingest.persistence.UploadStore;
import io.fazhi.problems.Problem;
import io.fazhi.problems.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.OPERATOR, Caller.AGENCY})
@Tag(
        name = "reports",
        description = "Upload reports and follow them through the pipeline. Every call needs a bearer "
                + "token: an agency's (its own reports only) or an operator's (any agency, or none for a backfill).")
public class ReportResource {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    static final String PROBLEM_EXAMPLE = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "the text is not a Chinese report (0 Chinese characters)"}""";

    private final ReportService reports;
    private final ReprocessService reprocessing;
    private final Formats formats;
    private final Limits limits;
    private final Callers callers;

    public ReportResource(
            ReportService reports, ReprocessService reprocessing, Formats formats, Limits limits, Callers callers) {
        this.reports = reports;
        this.reprocessing = reprocessing;
        this.formats = formats;
        this.limits = limits;
        this.callers = callers;
    }

    // ------------------------------------------------------------------ uploads

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Upload a report as JSON",
            description = "Answers 202 once the report is safely on the message broker; 200 with the existing "
                    + "report when the same text (or the same Idempotency-Key and request) came before. A different "
                    + "text for the same agency and year is a new revision of its report (202, same id).")
    @APIResponse(
            responseCode = "202",
            description = "accepted (a new report or a new revision); follow Location",
            headers = @Header(name = "Location", description = "the report's status URL"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(
            responseCode = "200",
            description = "the same content was uploaded before: the existing report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(
            responseCode = "400",
            description = "malformed JSON, invalid fields or Idempotency-Key",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid field", value = """
                    {"type": "about:blank", "title": "Bad Request", "status": 400,
                     "detail": "the request has invalid fields",
                     "errors": [{"field": "published", "message": "must be a date as yyyy-MM-dd"}]}""")))
    @APIResponse(responseCode = "401", description = "no or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "an agency token uploading for another agency, or unregistered")
    @APIResponse(responseCode = "409", description = "the Idempotency-Key was used with a different request")
    @APIResponse(responseCode = "413", description = "the upload or its text is larger than the limits")
    @APIResponse(
            responseCode = "422",
            description = "no usable text: empty, binary, not Chinese",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not Chinese", value = PROBLEM_EXAMPLE)))
    @APIResponse(
            responseCode = "503",
            description = "the broker did not acknowledge; nothing stored; retry later",
            headers = @Header(name = "Retry-After", description = "seconds"))
    public Response uploadJson(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ReportRequest.class)))
                    @NotNull(message = "a JSON body is required")
                    @Valid
                    ReportRequest request,
            @Parameter(
                            description = "makes a retried upload safe: the same key with the same request answers the "
                                    + "same report; with a different request, 409")
                    @HeaderParam("Idempotency-Key")
                    String key,
            @Context UriInfo uri,
            @Context ContainerRequestContext ctx) {
        byte[] original = request.text().getBytes(StandardCharsets.UTF_8);
        return upload(
                new ReportUpload(
                        callers.current(),
                        original,
                        "text/plain; charset=UTF-8",
                        request.text(),
                        request.metadata(),
                        key(key)),
                uri,
                ctx);
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, "application/xhtml+xml", Formats.PDF, Formats.DOCX})
    @Operation(
            summary = "Upload a report as a plain text, an HTML page, a PDF or a .docx body",
            description = "Text: the charset of the Content-Type header, else UTF-8 when valid, else detected "
                    + "(GBK, GB18030, Big5), else GB18030. HTML: a whole web page; the article is kept, navigation, "
                    + "scripts and footers dropped. Metadata as query parameters.")
    @APIResponse(
            responseCode = "202",
            description = "accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "200", description = "the same content was uploaded before")
    @APIResponse(responseCode = "413", description = "too large")
    @APIResponse(responseCode = "415", description = "an unknown charset")
    @APIResponse(responseCode = "422", description = "no usable text")
    @APIResponse(responseCode = "503", description = "the broker did not acknowledge; retry later")
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
                                        mediaType = Formats.PDF,
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = Formats.DOCX,
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
            @HeaderParam("Idempotency-Key") String key,
            @Context UriInfo uri,
            @Context ContainerRequestContext ctx) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "the Content-Type header is malformed");
        }
        String mediaType = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        byte[] bytes = body == null ? new byte[0] : body;
        Formats.Extracted extracted =
                formats.extract(bytes, mediaType, type.getParameters().get("charset"), null);
        Metadata md = new Metadata(agency, city, district, Metadata.year(year), title, published, sourceUrl);
        return upload(extracted, bytes, md, key, uri, ctx);
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
            summary = "Upload a report file (.txt, .html, .docx, .pdf) with its metadata as form fields",
            description = "The format is taken from the file name, else the part's content type, else its first "
                    + "bytes. Word and PDF text is extracted (PDF line wraps re-joined); a zip bomb or a PDF with more "
                    + "pages than allowed is refused.")
    @APIResponse(
            responseCode = "202",
            description = "accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "200", description = "the same content was uploaded before")
    @APIResponse(responseCode = "400", description = "no file part, or invalid fields")
    @APIResponse(responseCode = "413", description = "too large, or too many pages")
    @APIResponse(responseCode = "415", description = "a format other than .txt, .html, .docx, .pdf")
    @APIResponse(responseCode = "422", description = "no usable text, a damaged document or a zip bomb")
    @APIResponse(responseCode = "503", description = "the broker did not acknowledge; retry later")
    public Response uploadFile(
            Form form,
            @HeaderParam("Idempotency-Key") String key,
            @Context UriInfo uri,
            @Context ContainerRequestContext ctx) {
        if (form == null || form.file == null) {
            throw new ProblemException(
                    400,
                    "the request has invalid fields",
                    List.of(new Problem.FieldError("file", "a file part is required")));
        }
        if (form.file.size() > limits.uploadSize().asLongValue()) {
            throw new ProblemException(
                    413,
                    "the file has " + form.file.size() + " bytes; at most "
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
                mediaType = (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT);
                charset = t.getParameters().get("charset");
            } catch (IllegalArgumentException e) {
                throw new ProblemException(415, "the file part's content type is malformed");
            }
        }
        Formats.Extracted extracted = formats.extract(bytes, mediaType, charset, form.file.fileName());
        Metadata md = new Metadata(
                form.agency,
                form.city,
                form.district,
                Metadata.year(form.year),
                form.title,
                form.published,
                form.sourceUrl);
        return upload(extracted, bytes, md, key, uri, ctx);
    }

    private Response upload(
            Formats.Extracted extracted,
            byte[] original,
            Metadata md,
            String key,
            UriInfo uri,
            ContainerRequestContext ctx) {
        Metadata withTitle = md.title() == null
                        && extracted.title() != null
                        && extracted.title().length() <= 500
                ? md.withTitle(extracted.title())
                : md;
        return upload(
                new ReportUpload(
                        callers.current(), original, extracted.contentType(), extracted.text(), withTitle, key(key)),
                uri,
                ctx);
    }

    private Response upload(ReportUpload upload, UriInfo uri, ContainerRequestContext ctx) {
        Accepted accepted = reports.accept(upload);
        ctx.setProperty(UploadMetrics.OUTCOME, accepted.outcome());
        ReportView view = ReportView.of(accepted.report());
        Response.ResponseBuilder b = accepted.created() ? Response.accepted(view) : Response.ok(view);
        return b.location(uri.getBaseUriBuilder()
                        .path("api/v1/reports")
                        .path(view.id())
                        .build())
                .build();
    }

    private static String key(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ProblemException(400, "the Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    // ------------------------------------------------------------------ reading

    @GET
    @Path("/{id}")
    @Operation(
            summary = "A report's status: RECEIVED, EXTRACTED, AGGREGATED or FAILED with the reason",
            description = "With revision, agency, city, district, year, published, counts of sections and metrics, "
                    + "compliance with the five required parts, and warnings. An agency sees only its own reports.")
    @APIResponse(
            responseCode = "200",
            description = "the report's current revision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "403", description = "another agency's report")
    @APIResponse(responseCode = "404", description = "no such report")
    public ReportView get(@PathParam("id") String id) {
        return ReportView.of(reports.find(callers.current(), id));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Every revision of a report, oldest first, each with its own status")
    @APIResponse(
            responseCode = "200",
            description = "the history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ReportView.class)))
    public List<ReportView> revisions(@PathParam("id") String id) {
        return reports.history(callers.current(), id).stream()
                .map(ReportView::of)
                .toList();
    }

    @GET
    @Path("/{id}/revisions/{revision}/original")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The upload of a revision as it was received (content type and bytes)")
    @APIResponse(responseCode = "200", description = "the original bytes")
    public Response original(@PathParam("id") String id, @PathParam("revision") int revision) {
        UploadStore.Blob blob = reports.original(callers.current(), id, revision);
        return Response.ok(blob.bytes()).type(blob.contentType()).build();
    }

    @GET
    @Operation(
            summary = "The reports the caller may see, newest first",
            description = "An agency sees its own reports only (asking for another agency is 403); an operator sees "
                    + "all.")
    @APIResponse(
            responseCode = "200",
            description = "one page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportPage.class)))
    public ReportPage list(
            @QueryParam("agency") String agency,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
            @Parameter(schema = @Schema(enumeration = {"RECEIVED", "EXTRACTED", "AGGREGATED", "FAILED"}))
                    @QueryParam("status")
                    String status,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw badParam("status", "must be RECEIVED, EXTRACTED, AGGREGATED or FAILED");
            }
        }
        int p = intParam("page", page, 0, 100_000);
        int n = intParam("size", size, 1, 200);
        ReportService.Listing listing = reports.list(
                callers.current(),
                agency == null || agency.isBlank() ? null : agency.strip(),
                Metadata.year(year),
                s,
                p,
                n);
        return new ReportPage(listing.items().stream().map(ReportView::of).toList(), p, n, listing.total());
    }

    // ------------------------------------------------------------------ reprocessing

    /** How many reports were published again. */
    public record Reprocessing(int published, int skipped) {}

    @POST
    @Path("/reprocess")
    @RolesAllowed(Caller.OPERATOR)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Re-extract stored reports with the current extractor (operator only)",
            description = "Publishes every matching report's current revision again with its stored text; the "
                    + "extractor stamps its current version and the rollups replace the previous extraction. Without "
                    + "city and year: every report.")
    @APIResponse(
            responseCode = "202",
            description = "published again; skipped = revisions stored before texts were kept",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "count", value = "{\"published\": 42, \"skipped\": 0}")))
    @APIResponse(responseCode = "403", description = "not an operator")
    @APIResponse(responseCode = "503", description = "the broker did not acknowledge; run it again later")
    public Response reprocess(
            @QueryParam("city") String city,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year) {
        callers.current();
        Metadata md = new Metadata(null, city, null, Metadata.year(year), null, null, null).validated();
        ReprocessService.Result r = reprocessing.reprocess(md.city(), md.year());
        return Response.accepted(new Reprocessing(r.published(), r.skipped())).build();
    }

    private static int intParam(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw badParam(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw badParam(name, "must be a number");
        }
    }

    private static ProblemException badParam(String name, String message) {
        return new ProblemException(
                400, "the request has invalid parameters", List.of(new Problem.FieldError(name, message)));
    }
}
