package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.FactsQuery;
import io.fazhi.problems.BadParameterException;
import io.fazhi.problems.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The facts behind the rollups: per report, and per rollup cell. JSON, or CSV. */
@Path("/api/v1/facts")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "rollups", description = "City-wide rollups and the facts behind them")
public class FactsResource {
    private static final List<String> METRIC_COLUMNS = List.of(
            "reportId",
            "revision",
            "extractorVersion",
            "agency",
            "city",
            "district",
            "level",
            "year",
            "category",
            "sectionHeading",
            "sectionPath",
            "metricKey",
            "label",
            "value",
            "unit",
            "approx",
            "surface",
            "sentence",
            "offset");

    private final FactsQuery query;

    public FactsResource(FactsQuery query) {
        this.query = query;
    }

    @GET
    @Operation(
            summary = "The metrics behind a rollup cell, largest first, each with its report, agency and sentence",
            description = "Give city (with year, district …) or metricKey. label without metricKey selects the "
                    + "per-label cells, i.e. metrics without a key. X-Total-Count gives the number over all pages.")
    public Response metrics(
            @Context HttpHeaders headers,
            @QueryParam("city") String city,
            @QueryParam("district") String district,
            @QueryParam("year") String year,
            @QueryParam("category") String category,
            @QueryParam("metricKey") String metricKey,
            @QueryParam("label") String label,
            @QueryParam("unit") String unit,
            @QueryParam("page") @Parameter(description = "0-based") String page,
            @QueryParam("size") @Parameter(description = "1 to 500, default 50") String size,
            @QueryParam("format") String format) {
        boolean csv = Csv.wanted(headers, format);
        FactsQuery.MetricFilter filter = new FactsQuery.MetricFilter(
                Params.text("city", city),
                Params.text("district", district),
                Params.year(year),
                Params.category(category),
                Params.metricKey(metricKey),
                Params.text("label", label),
                Params.text("unit", unit),
                Params.intInRange("page", page, 0, 0, 1_000_000),
                Params.intInRange("size", size, 50, 1, 500));
        if (filter.city() == null && filter.metricKey() == null) {
            throw new BadParameterException("city", "give city (or metricKey) to select the metrics of a rollup cell");
        }
        FactsQuery.Page<MetricRow> result = query.metrics(filter);
        return Csv.page(
                csv,
                "facts.csv",
                METRIC_COLUMNS,
                result,
                m -> Arrays.asList(
                        m.reportId(),
                        m.revision(),
                        m.extractorVersion(),
                        m.agency(),
                        m.city(),
                        m.district(),
                        m.level(),
                        m.year(),
                        m.category(),
                        m.sectionHeading(),
                        m.sectionPath(),
                        m.metricKey(),
                        m.label(),
                        m.value(),
                        m.unit(),
                        m.approx(),
                        m.surface(),
                        m.sentence(),
                        m.offset()));
    }

    @GET
    @Path("/{reportId}")
    @Operation(
            summary = "A report's current revision: metadata, compliance, sections and metrics with sentences",
            description = "As CSV: one row per metric with its section.")
    public Response report(
            @Context HttpHeaders headers, @PathParam("reportId") String reportId, @QueryParam("format") String format) {
        boolean csv = Csv.wanted(headers, format);
        if (reportId.length() > 64) {
            throw new ProblemException(Response.Status.NOT_FOUND, "no aggregated report with that id");
        }
        FactsView f = query.facts(reportId)
                .orElseThrow(() ->
                        new ProblemException(Response.Status.NOT_FOUND, "no aggregated report with id " + reportId));
        if (csv) {
            List<List<Object>> rows = new ArrayList<>();
            for (FactsView.SectionView s : f.sections()) {
                for (FactsView.MetricView m : s.metrics()) {
                    rows.add(Arrays.asList(
                            f.reportId(),
                            f.revision(),
                            f.extractorVersion(),
                            f.agency(),
                            f.city(),
                            f.district(),
                            f.level(),
                            f.year(),
                            s.category(),
                            s.heading(),
                            s.path(),
                            m.metricKey(),
                            m.label(),
                            m.value(),
                            m.unit(),
                            m.approx(),
                            m.surface(),
                            m.sentence(),
                            m.offset()));
                }
            }
            return Csv.response(reportId + ".csv", METRIC_COLUMNS, rows, rows.size());
        }
        return Response.ok(f, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
