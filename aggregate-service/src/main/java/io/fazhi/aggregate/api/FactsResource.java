package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.export.CsvTableWriter;
import io.fazhi.aggregate.domain.export.ExportTables;
import io.fazhi.aggregate.domain.export.HeaderLanguage;
import io.fazhi.aggregate.domain.export.XlsxTableWriter;
import io.fazhi.aggregate.domain.read.RollupReading;
import io.fazhi.aggregate.model.FactFilter;
import io.fazhi.aggregate.model.MetricFactView;
import io.fazhi.aggregate.model.Page;
import io.fazhi.aggregate.model.ReportFacts;
import io.fazhi.problems.BadParameterException;
import io.fazhi.problems.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The facts behind the rollups: the metrics of a cell, metrics found by their label (with or without an indicator),
 * and one report with its sections and metrics. JSON, CSV or .xlsx.
 */
@Path("/api/v1/facts")
@Produces({MediaType.APPLICATION_JSON, CsvTableWriter.MEDIA_TYPE, XlsxTableWriter.MEDIA_TYPE})
@Tag(name = "rollups", description = "City-wide rollups by indicator and the facts behind them")
public class FactsResource {
    /** Longest report id. */
    static final int MAX_REPORT_ID = 64;

    private final RollupReading reading;

    public FactsResource(RollupReading reading) {
        this.reading = reading;
    }

    @GET
    @Operation(
            summary = "Metrics of counted reports, largest first, each with its report, agency, section and sentence",
            description = "Give city (with year, district, agency …) or indicator. indicator=none selects the one-off "
                    + "figures without an indicator (facts, not rollup cells); label= finds metrics by a piece of "
                    + "their label. X-Total-Count gives the number over all pages.")
    public Response facts(
            @BeanParam OutputParameters output,
            @QueryParam("city") String city,
            @QueryParam("year") String year,
            @QueryParam("district") String district,
            @QueryParam("agency") @Parameter(description = "as named in comparisons") String agency,
            @QueryParam("indicator") @Parameter(description = "an indicator id, or none") String indicator,
            @QueryParam("label") @Parameter(description = "a piece of the label text") String label,
            @QueryParam("category") String category,
            @QueryParam("unit") @Parameter(description = "the rollup unit") String unit,
            @QueryParam("page") @Parameter(description = "0-based") String page,
            @QueryParam("size")
                    @Parameter(description = "JSON: 1 to 500, default 50; csv/xlsx: up to 20000, default all")
                    String size) {
        ResponseFormat f = output.format();
        HeaderLanguage language = output.language();
        Paging paging = Paging.of(f, page, size, 50, 500);
        FactFilter filter = new FactFilter(
                QueryParameters.text("city", city),
                QueryParameters.year("year", year),
                QueryParameters.text("district", district),
                QueryParameters.text("agency", agency),
                QueryParameters.indicatorOrNone(indicator),
                QueryParameters.text("label", label),
                QueryParameters.category(category),
                QueryParameters.text("unit", unit),
                paging.page(),
                paging.size());
        if (filter.city() == null
                && (filter.indicator() == null || FactFilter.NO_INDICATOR.equals(filter.indicator()))) {
            throw new BadParameterException("city", "give city (or an indicator) to select metrics");
        }
        Page<MetricFactView> result = reading.facts(filter);
        return ExportResponses.page(
                f, language, ExportTables.FACTS, result, filter.city(), filter.year(), filter.indicator());
    }

    @GET
    @Path("/{reportId}")
    @Operation(
            summary = "A report's current revision: metadata, compliance, sections and metrics with sentences",
            description = "withdrawn: the current revision took the report out of the rollups (merged or withdrawn); "
                    + "extractions lists every extraction of every revision seen. As CSV/xlsx: one row per metric.")
    public Response report(@BeanParam OutputParameters output, @PathParam("reportId") String reportId) {
        ResponseFormat f = output.format();
        HeaderLanguage language = output.language();
        if (reportId.length() > MAX_REPORT_ID) {
            throw new ProblemException(Response.Status.NOT_FOUND, "no aggregated report with that id");
        }
        ReportFacts report = reading.report(reportId)
                .orElseThrow(() ->
                        new ProblemException(Response.Status.NOT_FOUND, "no aggregated report with id " + reportId));
        if (!f.isExport()) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<ExportTables.ReportMetric> rows = report.sections().stream()
                .flatMap(s -> s.metrics().stream().map(m -> new ExportTables.ReportMetric(report, s, m)))
                .toList();
        return ExportResponses.file(f, language, ExportTables.REPORT_METRICS, rows, rows.size(), reportId);
    }
}
