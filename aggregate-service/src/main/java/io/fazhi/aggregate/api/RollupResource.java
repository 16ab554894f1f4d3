package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.FactsQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rollup cells and the cities they cover; JSON, or CSV with {@code Accept: text/csv} (or {@code format=csv}). */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "rollups", description = "City-wide rollups and the facts behind them")
public class RollupResource {
    static final List<String> ROLLUP_COLUMNS = List.of(
            "city",
            "year",
            "district",
            "category",
            "metricKey",
            "label",
            "unit",
            "observations",
            "reports",
            "agencies",
            "sum",
            "min",
            "max",
            "mean",
            "lowerBound");

    private final FactsQuery query;

    public RollupResource(FactsQuery query) {
        this.query = query;
    }

    @GET
    @Path("/rollups")
    @Operation(
            summary = "Rollup cells: city x year x district x category x metric x unit",
            description = "Without district, the whole city (its own bureaus and every district, county and zone). "
                    + "A cell has a metricKey, or else a label. sum is null for rates and durations. "
                    + "X-Total-Count gives the number of cells over all pages.")
    public Response rollups(
            @Context HttpHeaders headers,
            @QueryParam("city") String city,
            @QueryParam("district") String district,
            @QueryParam("year") String year,
            @QueryParam("category") String category,
            @QueryParam("metricKey") String metricKey,
            @QueryParam("label") String label,
            @QueryParam("unit") String unit,
            @QueryParam("page") @Parameter(description = "0-based") String page,
            @QueryParam("size") @Parameter(description = "1 to 1000, default 200") String size,
            @QueryParam("sort")
                    @Parameter(
                            description = "field[,asc|desc], repeatable; fields: city, year, "
                                    + "district, category, metricKey, label, unit, observations, reports, agencies, sum, min, max, "
                                    + "mean")
                    List<String> sort,
            @QueryParam("format") @Parameter(description = "json or csv (else by Accept)") String format) {
        boolean csv = Csv.wanted(headers, format);
        FactsQuery.Page<RollupView> result = query.rollups(new FactsQuery.RollupFilter(
                Params.text("city", city),
                Params.text("district", district),
                Params.year(year),
                Params.category(category),
                Params.metricKey(metricKey),
                Params.text("label", label),
                Params.text("unit", unit),
                Params.intInRange("page", page, 0, 0, 1_000_000),
                Params.intInRange("size", size, 200, 1, 1000),
                Params.sort(sort)));
        return Csv.page(
                csv,
                "rollups.csv",
                ROLLUP_COLUMNS,
                result,
                r -> java.util.Arrays.asList(
                        r.city(),
                        r.year(),
                        r.district(),
                        r.category(),
                        r.metricKey(),
                        r.label(),
                        r.unit(),
                        r.observations(),
                        r.reports(),
                        r.agencies(),
                        r.sum(),
                        r.min(),
                        r.max(),
                        r.mean(),
                        r.lowerBound()));
    }

    @GET
    @Path("/cities")
    @Operation(
            summary = "Cities with their years, report and agency counts and compliance",
            description = "Compliance: how many reports have all five required parts (and each part), and how many "
                    + "were published before 1 April of the year after the reported year.")
    public Response cities(
            @Context HttpHeaders headers, @QueryParam("city") String city, @QueryParam("format") String format) {
        boolean csv = Csv.wanted(headers, format);
        List<CityView> cities = query.cities(Params.text("city", city));
        if (csv) {
            List<List<Object>> rows = new ArrayList<>();
            for (CityView c : cities) {
                for (CityView.Year y : c.years()) {
                    CityView.Compliance k = y.compliance();
                    rows.add(List.of(
                            c.city(),
                            y.year(),
                            y.reports(),
                            y.agencies(),
                            y.districts(),
                            y.metrics(),
                            k.complete(),
                            k.measuresAndResults(),
                            k.shortcomings(),
                            k.leadersDuties(),
                            k.nextYearPlans(),
                            k.otherMatters(),
                            k.publishedKnown(),
                            k.publishedOnTime()));
                }
            }
            return Csv.response(
                    "cities.csv",
                    List.of(
                            "city",
                            "year",
                            "reports",
                            "agencies",
                            "districts",
                            "metrics",
                            "complete",
                            "measuresAndResults",
                            "shortcomings",
                            "leadersDuties",
                            "nextYearPlans",
                            "otherMatters",
                            "publishedKnown",
                            "publishedOnTime"),
                    rows,
                    rows.size());
        }
        return Response.ok(cities, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
