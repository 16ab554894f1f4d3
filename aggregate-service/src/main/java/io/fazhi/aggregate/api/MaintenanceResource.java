package io.fazhi.aggregate.api;

import io.fazhi.aggregate.domain.rollup.RollupRepair;
import io.fazhi.contracts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operator repairs: recompute every rollup from the facts. Needs a bearer token with the operator role from the
 * identity provider (MP_JWT_VERIFY_PUBLICKEY_LOCATION).
 */
@Path("/api/v1/maintenance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "maintenance", description = "Operator repairs")
public class MaintenanceResource {
    private final RollupRepair repair;

    public MaintenanceResource(RollupRepair repair) {
        this.repair = repair;
    }

    @POST
    @Path("/recompute")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Recompute every rollup, agency cell and city-year summary from the facts",
            description = "For repairs: the rollups are maintained incrementally and always equal this recompute. "
                    + "One transaction; readers see the old rollups until it commits, consumers wait for it.")
    public RollupRepair.Recomputed recompute() {
        return repair.recomputeAll();
    }
}
