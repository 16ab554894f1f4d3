package io.fazhi.ingest.api;

import io.fazhi.problems.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers of the three upload endpoints (JSON, raw body, multipart), written once: each endpoint's own
 * annotations describe only its request; this filter gives all three the same responses, and the {@code Problem}
 * schema every error answers with.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class UploadApiDescription implements OASFilter {
    static final Set<String> UPLOADS = Set.of("uploadJson", "uploadBody", "uploadFile");
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String REPORT = "#/components/schemas/Report";

    /** Status, and what it means for every upload endpoint. */
    static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry(
                    "202",
                    "Accepted and stored: a new report (outcome new) or a new revision of the report of the same agency "
                            + "and year (outcome revision, same id). It will be published to extraction; follow "
                            + "Location for its status."),
            Map.entry(
                    "200",
                    "Already stored (outcome duplicate): the same text, whoever uploaded it; the same report in another "
                            + "form (site chrome, GBK, Traditional script, pinyin glosses, PDF page numbers) from "
                            + "someone else (duplicateOf names it); or the same Idempotency-Key and request again. "
                            + "Nothing is counted twice."),
            Map.entry("400", "Malformed body, invalid fields (errors names each) or a malformed Idempotency-Key."),
            Map.entry("401", "No bearer token, or one that is invalid or expired."),
            Map.entry(
                    "403",
                    "An agency token uploading for another agency, an unregistered agency, or a report that belongs "
                            + "to another agency."),
            Map.entry("409", "The Idempotency-Key was used before with a different request."),
            Map.entry(
                    "413",
                    "Larger than the limits: the body (fazhi.ingest.limits.upload-size, and the HTTP layer's "
                            + "quarkus.http.limits.max-body-size), the text's characters or a PDF's pages."),
            Map.entry("415", "A format (or charset) other than plain text, HTML, .docx and PDF."),
            Map.entry(
                    "422",
                    "Nothing usable: empty, binary, not Chinese, a damaged or encrypted document, or a zip bomb."),
            Map.entry(
                    "503",
                    "The database is not available: nothing was stored. Retry after Retry-After seconds, with the "
                            + "same Idempotency-Key."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema field = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text)
                .addProperty("message", text);
        openAPI.getComponents()
                .addSchema(
                        "Problem",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .description("RFC 9457 problem details; errors lists the fields that were wrong")
                                .addProperty("type", text)
                                .addProperty("title", text)
                                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                                .addProperty("detail", text)
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .addType(Schema.SchemaType.ARRAY)
                                                .items(field)));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() != null && UPLOADS.contains(operation.getOperationId())) {
            operation.setResponses(responses());
        }
        return operation;
    }

    static APIResponses responses() {
        APIResponses responses = OASFactory.createAPIResponses();
        ANSWERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            boolean ok = e.getKey().startsWith("2");
            APIResponse r = OASFactory.createAPIResponse()
                    .description(e.getValue())
                    .content(OASFactory.createContent()
                            .addMediaType(
                                    ok ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref(ok ? REPORT : PROBLEM))));
            if (e.getKey().equals("202")) {
                r.addHeader("Location", OASFactory.createHeader().description("the report's status URL"));
            }
            if (e.getKey().equals("503")) {
                r.addHeader("Retry-After", OASFactory.createHeader().description("seconds"));
            }
            responses.addAPIResponse(e.getKey(), r);
        });
        return responses;
    }
}
