package io.fazhi.ingest.api;

import io.fazhi.problems.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem details (authentication is lazy, so these reach the REST layer). */
public class SecurityProblems {
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge("a bearer token is required (Authorization: Bearer <JWT>)");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge("the bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "the token's role may not do this").toResponse();
    }

    private static Response challenge(String detail) {
        return Response.fromResponse(Problem.of(401, detail).toResponse())
                .header("WWW-Authenticate", "Bearer realm=\"fazhi\"")
                .build();
    }
}
