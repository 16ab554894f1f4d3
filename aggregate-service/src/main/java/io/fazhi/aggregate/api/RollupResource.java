package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.export.CsvTableWriter;
import io.fazhi.aggregate.domain.export.ExportTables;
import io.fazhi.aggregate.domain.export.HeaderLanguage;
import io.fazhi.aggregate.domain.export.XlsxTableWriter;
import io.fazhi.aggregate.domain.read.Comparison;
import io.fazhi.aggregate.domain.read.RollupReading;
import io.fazhi.aggregate.model.CitySummary;
import io.fazhi.aggregate.model.Page;
import io.fazhi.aggregate.model.RollupCell;
import io.fazhi.aggregate.model.RollupFilter;
import io.fazhi.contracts.Indicators;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rollup cells by indicator, the cities they cover, the comparison of a city's agencies or districts on one
 * indicator, and the indicator list. JSON, or a file: CSV ({@code Accept: text/csv} or {@code format=csv}) or .xlsx
 * ({@code format=xlsx}), headers in Chinese with {@code headers=zh} or a Chinese {@code Accept-Language}.
 */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, CsvTableWriter.MEDIA_TYPE, XlsxTableWriter.MEDIA_TYPE})
@Tag(name = "rollups", description = "City-wide rollups by indicator and the facts behind them")
public class RollupResource {
    private final RollupReading reading;

    public RollupResource(RollupReading reading) {
        this.reading = reading;
    }

    @GET
    @Path("/rollups")
    @Operation(
            summary = "Rollup cells: city x year x district x indicator x unit",
            description = "Without district, the whole city (its own bureaus and every district, county and zone). "
                    + "Each cell carries the indicator id and its Chinese name (indicatorName). sum is null for "
                    + "rates and durations; mean is per value; lowerBound: some value was a lower bound (余, 超过 …). "
                    + "X-Total-Count gives the number of cells over all pages.")
    public Response rollups(
            @BeanParam OutputParameters output,
            @QueryParam("city") String city,
            @QueryParam("district") String district,
            @QueryParam("year") String year,
            @QueryParam("indicator") @Parameter(description = "an id of GET /api/v1/indicators") String indicator,
            @QueryParam("unit") String unit,
            @QueryParam("page") @Parameter(description = "0-based") String page,
            @QueryParam("size")
                    @Parameter(description = "JSON: 1 to 1000, default 200; csv/xlsx: up to 20000, default all")
                    String size,
            @QueryParam("sort")
                    @Parameter(
                            description = "field[,asc|desc], repeatable; fields: city, year, district, indicator, unit,"
                                    + " observations, reports, agencies, sum, min, max, mean")
                    List<String> sort) {
        ResponseFormat f = output.format();
        HeaderLanguage language = output.language();
        Paging paging = Paging.of(f, page, size, 200, 1000);
        RollupFilter filter = new RollupFilter(
                QueryParameters.text("city", city),
                QueryParameters.year("year", year),
                QueryParameters.text("district", district),
                QueryParameters.indicator(indicator),
                QueryParameters.text("unit", unit),
                paging.page(),
                paging.size(),
                QueryParameters.sort(sort));
        Page<RollupCell> cells = reading.cells(filter);
        return ExportResponses.page(
                f, language, ExportTables.ROLLUPS, cells, filter.city(), filter.district(), filter.year());
    }

    @GET
    @Path("/comparison")
    @Operation(
            summary = "The agencies (or districts) of a city-year ranked on one indicator, with the previous year",
            description = "by=agency (default): every bureau, district government and zone that reported the "
                    + "indicator; by=district: every district, county and zone, and the city's own bureaus (name "
                    + "null). value is the sum, or the mean for rates and durations; previous is the value of the "
                    + "year before. Without unit, the indicator's unit with the most figures (units lists them).")
    public Response comparison(
            @BeanParam OutputParameters output,
            @QueryParam("city") String city,
            @QueryParam("year") String year,
            @QueryParam("indicator") String indicator,
            @QueryParam("unit") String unit,
            @QueryParam("by") @Parameter(description = "agency (default) or district") String by) {
        ResponseFormat f = output.format();
        HeaderLanguage language = output.language();
        String c = QueryParameters.required("city", city);
        Integer y = QueryParameters.year("year", year);
        if (y == null) {
            throw new io.fazhi.problems.BadParameterException("year", "is required");
        }
        String i = QueryParameters.indicator(QueryParameters.required("indicator", indicator));
        Comparison comparison = reading.compare(
                c,
                y,
                i,
                QueryParameters.text("unit", unit),
                QueryParameters.choice("by", by, Comparison.By.class, Comparison.By.AGENCY));
        if (!f.isExport()) {
            return Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<ExportTables.ComparisonRow> rows = comparison.rows().stream()
                .map(r -> new ExportTables.ComparisonRow(comparison, r))
                .toList();
        return ExportResponses.file(f, language, ExportTables.COMPARISON, rows, rows.size(), c, y, i);
    }

    @GET
    @Path("/cities")
    @Operation(
            summary = "Cities with their years, report and agency counts and compliance",
            description = "Compliance: how many reports have all five required parts (and each part), and how many "
                    + "were published before 1 April of the year after the reported year. Withdrawn and merged "
                    + "reports do not count.")
    public Response cities(@BeanParam OutputParameters output, @QueryParam("city") String city) {
        ResponseFormat f = output.format();
        HeaderLanguage language = output.language();
        List<CitySummary> cities = reading.cities(QueryParameters.text("city", city));
        if (!f.isExport()) {
            return Response.ok(cities, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<ExportTables.CityYear> rows = cities.stream()
                .flatMap(c -> c.years().stream().map(y -> new ExportTables.CityYear(c.city(), y)))
                .toList();
        return ExportResponses.file(f, language, ExportTables.CITIES, rows, rows.size(), city);
    }

    @GET
    @Path("/indicators")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The city's canonical indicators: id, Chinese name, unit kind and what each covers",
            description = "The ids that rollups, facts and comparisons take as indicator=, in the city's order.")
    public List<IndicatorView> indicators() {
        return Indicators.ALL.stream()
                .map(i -> new IndicatorView(
                        i.id(), i.name(), i.kind().id(), i.kind().additive(), i.covers()))
                .toList();
    }

    /** One indicator as the API lists it; {@code additive}: its values add up (a cell has a sum). */
    public record IndicatorView(String id, String name, String kind, boolean additive, String covers) {}
}
