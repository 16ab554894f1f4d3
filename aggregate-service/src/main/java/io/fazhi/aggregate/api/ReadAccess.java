package io.fazhi.aggregate.api;

import io.fazhi.problems.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reading stays open by default. With {@code fazhi.read.require-role} set, every {@code /api/} read (GET) needs a
 * token with that role: 401 without a valid token, 403 without the role (problem details either way). Operator
 * endpoints check their own role.
 */
public class ReadAccess {
    private final Optional<String> requiredRole;
    private final CurrentIdentityAssociation identity;

    public ReadAccess(
            @ConfigProperty(name = "fazhi.read.require-role") Optional<String> requiredRole,
            CurrentIdentityAssociation identity) {
        this.requiredRole = requiredRole.filter(r -> !r.isBlank());
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        if (requiredRole.isEmpty()
                || !request.getMethod().equals("GET")
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String role = requiredRole.get();
        return identity.getDeferredIdentity()
                .map(id -> id.isAnonymous()
                        ? Problem.of(Response.Status.UNAUTHORIZED, "a bearer token with role " + role + " is required")
                                .toResponse()
                        : id.hasRole(role)
                                ? null
                                : Problem.of(Response.Status.FORBIDDEN, "role " + role + " is required to read")
                                        .toResponse())
                .onFailure()
                .recoverWithItem(e -> Problem.of(Response.Status.UNAUTHORIZED, "the bearer token is not valid")
                        .toResponse());
    }
}
