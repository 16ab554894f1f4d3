package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.FactsQuery;
import io.fazhi.problems.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rollups", description = "City-wide rollups and the facts behind them")
public class RollupResource {
    private final FactsQuery query;

    public RollupResource(FactsQuery query) {
        this.query = query;
    }

    @GET
    @Path("/rollups")
    @Operation(summary = "Rollup cells: city x year x category x metric x unit",
            description = "Without district, the whole city (its own bureaus and every district, county and zone).")
    public List<RollupView> rollups(@QueryParam("city") String city, @QueryParam("district") String district,
            @QueryParam("year") Integer year, @QueryParam("category") String category,
            @QueryParam("metricKey") String metricKey, @QueryParam("unit") String unit,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("200") @Min(1) @Max(1000) int size) {
        return query.rollups(new FactsQuery.RollupFilter(city, district, year, category, metricKey, unit, page, size));
    }

    @GET
    @Path("/facts/{reportId}")
    @Operation(summary = "A report's current revision: metadata, sections and metrics with their sentences")
    public FactsView facts(@PathParam("reportId") String reportId) {
        return query.facts(reportId).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "no aggregated report with id " + reportId));
    }
}
