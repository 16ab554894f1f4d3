package io.fazhi.ingest.api;

import io.fazhi.ingest.domain.Accepted;
import io.fazhi.ingest.domain.ReportService;
import io.fazhi.ingest.domain.ReportUpload;
import io.fazhi.problems.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "Upload reports and follow them through the pipeline")
public class ReportResource {
    /** Uploads without an agency token are an operator's backfill. */
    static final String BACKFILL = "";

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a report as JSON",
            description = "Answers 202 once the report is safely on the message broker; 200 with the existing "
                    + "report when the same text was uploaded before.")
    @APIResponse(responseCode = "202", description = "accepted; follow the Location header for its status")
    @APIResponse(responseCode = "200", description = "the same text was uploaded before: the existing report")
    @APIResponse(responseCode = "400", description = "malformed JSON or invalid fields")
    @APIResponse(responseCode = "422", description = "no usable text")
    @APIResponse(responseCode = "503", description = "the broker is unreachable; retry after the given seconds")
    public Response uploadJson(@NotNull(message = "a JSON body is required") @Valid ReportRequest request,
            @Context UriInfo uri) {
        return answer(reports.accept(new ReportUpload(BACKFILL, request.text(), request.agency(), request.city(),
                request.district(), request.year(), request.title(), request.published(), request.sourceUrl())), uri);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Upload a report as plain UTF-8 text; metadata is inferred from the text")
    public Response uploadText(byte[] body, @Context UriInfo uri) {
        String text = decodeUtf8(body);
        return answer(reports.accept(new ReportUpload(BACKFILL, text, null, null, null, null, null, null, null)),
                uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A report's status: RECEIVED, EXTRACTED, AGGREGATED or FAILED with the reason")
    public ReportView get(@PathParam("id") String id) {
        return reports.find(id).map(ReportView::of)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no report with id " + id));
    }

    private static Response answer(Accepted accepted, UriInfo uri) {
        ReportView view = ReportView.of(accepted.report());
        Response.ResponseBuilder b = accepted.created() ? Response.accepted(view) : Response.ok(view);
        return b.location(uri.getBaseUriBuilder().path("api/v1/reports").path(view.id()).build()).build();
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the body is not valid UTF-8 text");
        }
    }
}
