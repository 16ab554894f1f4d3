package io.fazhi.ingest.api;

import io.fazhi.ingest.domain.AgencyService;
import io.fazhi.ingest.domain.Caller;
import io.fazhi.ingest.persistence.AgencyEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.OPERATOR)
@Tag(name = "agencies", description = "The registry of agencies that upload with their own token (operator only)")
public class AgencyResource {
    @Schema(name = "Agency", example = """
            {"name": "江门市新会区科工商务局", "city": "江门市", "district": "新会区", "level": "bureau"}""")
    public record AgencyRequest(
            @NotNull(message = "is required") @Size(max = 200)
            String name,

            @NotNull(message = "is required") @Size(max = 100)
            String city,

            @Schema(description = "district, county or development zone; absent for a city bureau") @Size(max = 100)
            String district,

            @Schema(enumeration = {"bureau", "district", "zone", "city", "town"}) @NotNull(message = "is required")
            String level) {}

    public record AgencyView(String name, String city, String district, String level, Instant createdAt) {
        static AgencyView of(AgencyEntity a) {
            return new AgencyView(a.name, a.city, a.district, a.level, a.createdAt);
        }
    }

    private final AgencyService agencies;

    public AgencyResource(AgencyService agencies) {
        this.agencies = agencies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an agency",
            description = "An upload with the agency's token is its report, with city and district from here.")
    @APIResponse(
            responseCode = "201",
            description = "registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "200", description = "already registered with the same details")
    @APIResponse(responseCode = "400", description = "invalid fields")
    @APIResponse(responseCode = "409", description = "registered with other details")
    public Response register(
            @NotNull(message = "a JSON body is required") @Valid AgencyRequest request, @Context UriInfo uri) {
        AgencyService.Registration r =
                agencies.register(request.name(), request.city(), request.district(), request.level());
        AgencyView view = AgencyView.of(r.agency());
        return r.created()
                ? Response.created(uri.getBaseUriBuilder()
                                .path("api/v1/agencies")
                                .path(view.name())
                                .build())
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "The registered agencies, by city")
    @APIResponse(
            responseCode = "200",
            description = "the agencies",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AgencyView.class)))
    public List<AgencyView> list(@QueryParam("city") String city) {
        return agencies.list(city == null || city.isBlank() ? null : city.strip()).stream()
                .map(AgencyView::of)
                .toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One agency")
    @APIResponse(responseCode = "404", description = "not registered")
    public AgencyView get(@PathParam("name") String name) {
        return AgencyView.of(agencies.get(name));
    }
}
