package io.fazhi.ingest.api;

import io.fazhi.contracts.Roles;
import io.fazhi.ingest.domain.AgencyRegistry;
import io.fazhi.ingest.persistence.AgencyStore.StoredAgency;
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

/** The registry of agencies (operator only). */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "agencies", description = "The registry of agencies that upload with their own token (operator only)")
public class AgencyResource {
    @Schema(name = "Agency", example = """
            {"name": "江门市新会区科工商务局", "city": "江门市", "district": "新会区", "level": "bureau",
             "aliases": ["新会区科工商务局", "新会区科技工业和商务局"]}""")
    public record AgencyRequest(
            @NotNull(message = "is required") @Size(max = 200)
            String name,

            @NotNull(message = "is required") @Size(max = 100)
            String city,

            @Schema(description = "district, county or development zone; absent for a city bureau") @Size(max = 100)
            String district,

            @Schema(enumeration = {"bureau", "district", "zone", "city", "town"}) @NotNull(message = "is required")
            String level,

            @Schema(
                    description = "other names the agency's reports give it; uploads under any of them are its reports "
                            + "(the name without the city in front needs none)")
            @Size(max = 50)
            List<@Size(max = 200) String> aliases) {}

    public record AgencyView(
            String name, String city, String district, String level, List<String> aliases, Instant createdAt) {
        static AgencyView of(StoredAgency a) {
            return new AgencyView(a.name(), a.city(), a.district(), a.level(), a.aliases(), a.createdAt());
        }
    }

    private final AgencyRegistry agencies;
    private final Callers callers;

    public AgencyResource(AgencyRegistry agencies, Callers callers) {
        this.agencies = agencies;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an agency",
            description = "An upload with the agency's token is its report, with city and district from here. "
                    + "Registering again with more aliases adds them.")
    @APIResponse(
            responseCode = "201",
            description = "registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "200", description = "already registered with the same details")
    @APIResponse(responseCode = "400", description = "invalid fields")
    @APIResponse(responseCode = "409", description = "registered with other details, or an alias of another agency")
    public Response register(
            @NotNull(message = "a JSON body is required") @Valid AgencyRequest request, @Context UriInfo uri) {
        AgencyRegistry.Registration r = agencies.register(
                callers.current(),
                request.name(),
                request.city(),
                request.district(),
                request.level(),
                request.aliases());
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
        return agencies.list(callers.current(), city == null || city.isBlank() ? null : city.strip()).stream()
                .map(AgencyView::of)
                .toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One agency")
    @APIResponse(responseCode = "404", description = "not registered")
    public AgencyView get(@PathParam("name") String name) {
        return AgencyView.of(agencies.get(callers.current(), name));
    }
}
