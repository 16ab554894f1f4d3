package io.fazhi.extract.api;

import io.fazhi.engine.ReportInput;
import io.fazhi.extract.domain.Explainer;
import io.fazhi.problems.Problem;
import io.fazhi.problems.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/extract/explain}: what the engine makes of a text and why. For operators and for settling
 * labelling disputes: every number the engine considered, the rule that kept or dropped it and the other rules
 * that fired, with the report's metadata and sections. Nothing is stored or published.
 */
@Path("/api/v1/extract/explain")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "200",
        description = "every number considered, kept or dropped, with the rules that decided",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ExplainView.class),
                        examples = @ExampleObject(name = "a sentence", value = ExplainResource.OK_EXAMPLE)))
@APIResponse(
        responseCode = "413",
        description = "the text is longer than the explain limit",
        content =
                @Content(
                        mediaType = Problem.MEDIA_TYPE,
                        examples = @ExampleObject(name = "too long", value = ExplainResource.TOO_LARGE)))
@APIResponse(responseCode = "415", description = "neither JSON nor plain text")
@Tag(
        name = "explain",
        description = "How the extraction engine reads a text: for operators, and for settling labelling disputes")
public class ExplainResource {
    private static final String SAMPLE = "全年共受理行政复议申请45件,办结42件,办结率93.3%。";
    static final String OK_EXAMPLE = """
            {"extractorVersion": "2.0.0+3f9a1c2b7d4e",
             "metadata": {"year": 2023},
             "warnings": [],
             "sections": [{"index": 0, "level": 0, "path": "", "category": "other", "offset": 0, "metrics": 3}],
             "numbers": [{"surface": "45件", "offset": 11, "end": 14, "kept": true,
                          "decidedBy": "metric.keep.measure-word", "reason": "kept: 45 件",
                          "value": 45, "unit": "件", "unitKind": "count", "rollupUnit": "件", "approx": null,
                          "label": "受理行政复议申请", "indicator": "reconsideration_cases", "section": 0,
                          "sentence": "全年共受理行政复议申请45件,办结42件,办结率93.3%。",
                          "rules": ["unit.measure-word"]}],
             "rules": {"metric.keep.measure-word": "a number followed by a measure word of the unit data is a metric"}}""";
    static final String TOO_LARGE = """
            {"type": "about:blank", "title": "Content Too Large", "status": 413,
             "detail": "the text has 812345 characters; explain takes at most 500000"}""";

    private final Explainer explainer;

    public ExplainResource(Explainer explainer) {
        this.explainer = explainer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Explain a text given as JSON",
            description = "The text with optional metadata (agency, city, district, year, title, published), as an "
                    + "upload would give them; where they disagree with the text, the warnings say so.")
    @APIResponse(
            responseCode = "400",
            description = "malformed JSON, no text, or an invalid field",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "no text", value = """
                    {"type": "about:blank", "title": "Bad Request", "status": 400,
                     "detail": "the request has invalid fields",
                     "errors": [{"field": "text", "message": "a text is required"}]}""")))
    public ExplainView explainJson(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ExplainRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "a sentence",
                                                            value = "{\"text\": \"" + SAMPLE + "\", \"year\": 2023}")))
                    @NotNull(message = "a JSON body is required")
                    @Valid
                    ExplainRequest request,
            @Parameter(description = "include the normalised text the offsets refer to") @QueryParam("text")
                    boolean withText) {
        return explain(request.toInput(), withText);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Explain a text given as plain text (UTF-8)", description = "The body is the report text.")
    @APIResponse(
            responseCode = "400",
            description = "an empty text",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ExplainView explainText(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.TEXT_PLAIN,
                                            examples = @ExampleObject(name = "a sentence", value = SAMPLE)))
                    String text,
            @Parameter(description = "include the normalised text the offsets refer to") @QueryParam("text")
                    boolean withText) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(400, "a text is required: the body is empty");
        }
        return explain(ReportInput.ofText(text), withText);
    }

    private ExplainView explain(ReportInput input, boolean withText) {
        try {
            return ExplainView.of(explainer.explain(input), explainer.version(), withText);
        } catch (Explainer.TextTooLong e) {
            throw new ProblemException(413, e.getMessage());
        }
    }
}
