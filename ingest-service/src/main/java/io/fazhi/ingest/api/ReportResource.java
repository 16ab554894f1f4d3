package io.fazhi.ingest.api;

import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.contracts.Roles;
import io.fazhi.ingest.domain.ReportCorrections;
import io.fazhi.ingest.domain.ReportQueries;
import io.fazhi.ingest.domain.Reprocessing;
import io.fazhi.ingest.domain.UploadMetadata;
import io.fazhi.ingest.persistence.ReportStore;
import io.fazhi.problems.BadParameterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reading reports (status, history, originals, lists) and an operator's corrections: merging two reports that are
 * one, splitting a revision off again, withdrawing a report, reprocessing.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
@Tag(name = "reports")
public class ReportResource {
    private final ReportQueries reports;
    private final ReportCorrections corrections;
    private final Reprocessing reprocessing;
    private final Callers callers;

    public ReportResource(
            ReportQueries reports, ReportCorrections corrections, Reprocessing reprocessing, Callers callers) {
        this.reports = reports;
        this.corrections = corrections;
        this.reprocessing = reprocessing;
        this.callers = callers;
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "A report's status: RECEIVED, EXTRACTED, AGGREGATED or FAILED with the reason",
            description = "With revision, agency, city, district, year, published, counts of sections and metrics, "
                    + "compliance with the five required parts, and warnings. An agency sees only its own reports. A "
                    + "report merged into another shows mergedInto.")
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
    @Operation(summary = "Every revision of a report, oldest first, each with its own status and origin")
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
        ReportStore.Original original = reports.original(callers.current(), id, revision);
        return Response.ok(original.bytes()).type(original.contentType()).build();
    }

    @GET
    @Operation(
            summary = "The reports the caller may see, newest first",
            description = "An agency sees its own reports only (asking for another agency is 403); an operator sees "
                    + "all. Reports merged into another are left out.")
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
                throw new BadParameterException("status", "must be RECEIVED, EXTRACTED, AGGREGATED or FAILED");
            }
        }
        int p = intParam("page", page, 0, 100_000);
        int n = intParam("size", size, 1, 200);
        ReportStore.Page listing = reports.list(
                callers.current(), agency == null || agency.isBlank() ? null : agency.strip(), year(year), s, p, n);
        return new ReportPage(listing.items().stream().map(ReportView::of).toList(), p, n, listing.total());
    }

    // ------------------------------------------------------------------ an operator's corrections

    /** Which report to merge into this one. */
    @Schema(name = "Merge", example = "{\"from\": \"8d0c1f3a-2b4e-4f6a-9c8d-7e6f5a4b3c2d\"}")
    public record MergeRequest(
            @NotNull(message = "is required") String from) {}

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Merge another report into this one (operator only)",
            description = "The two are one report: the other's current text becomes this report's next revision, the "
                    + "other gets a withdrawn revision and leaves every rollup, and uploads for it answer this one. "
                    + "Split the new revision off again to undo.")
    @APIResponse(
            responseCode = "200",
            description = "this report after the merge",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "no such report")
    @APIResponse(responseCode = "409", description = "the same report, or one merged already or withdrawn")
    public ReportView merge(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid MergeRequest request) {
        return ReportView.of(corrections.merge(callers.current(), id, request.from()));
    }

    /** A report and the report split off it. */
    public record SplitView(ReportView report, ReportView splitOff, boolean reinstated) {}

    @POST
    @Path("/{id}/revisions/{revision}/split")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Split a revision off this report (operator only)",
            description = "The revision is another report: a merged one is reinstated with its text; a text that "
                    + "was matched to this report at upload becomes a report of its own. When it was the current "
                    + "revision, this report gets its previous text back.")
    @APIResponse(
            responseCode = "200",
            description = "this report and the one split off",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SplitView.class)))
    @APIResponse(responseCode = "404", description = "no such report or revision")
    @APIResponse(responseCode = "409", description = "split off already, a withdrawal, or a merged report")
    public SplitView split(@PathParam("id") String id, @PathParam("revision") int revision) {
        ReportCorrections.Split s = corrections.split(callers.current(), id, revision);
        return new SplitView(ReportView.of(s.report()), ReportView.of(s.splitOff()), s.reinstated());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Withdraw a report from every rollup (operator only)",
            description = "A withdrawn revision; a later upload of the same agency and year brings it back.")
    @APIResponse(responseCode = "200", description = "the report, withdrawn")
    @APIResponse(responseCode = "409", description = "withdrawn already, or merged into another")
    public ReportView withdraw(@PathParam("id") String id) {
        return ReportView.of(corrections.withdraw(callers.current(), id));
    }

    /** How many reports will be published again. */
    public record ReprocessView(int published, int skipped) {}

    @POST
    @Path("/reprocess")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Re-extract stored reports with the current extractor (operator only)",
            description = "Queues every matching report's current revision to be published again with its stored "
                    + "text; the extractor stamps its current version and the rollups replace the previous "
                    + "extraction. Without city and year: every report.")
    @APIResponse(
            responseCode = "202",
            description = "queued; skipped = revisions stored before texts were kept",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "count", value = "{\"published\": 42, \"skipped\": 0}")))
    @APIResponse(responseCode = "403", description = "not an operator")
    public Response reprocess(
            @QueryParam("city") String city,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year) {
        UploadMetadata md = new UploadMetadata(null, city, null, year(year), null, null, null).validated();
        Reprocessing.Result r = reprocessing.reprocess(callers.current(), md.city(), md.year());
        return Response.accepted(new ReprocessView(r.queued(), r.skipped())).build();
    }

    private static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException("year", "must be a number");
        }
    }

    private static int intParam(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw new BadParameterException(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a number");
        }
    }
}
