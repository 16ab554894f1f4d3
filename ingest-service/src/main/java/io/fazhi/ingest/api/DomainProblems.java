package io.fazhi.ingest.api;

import io.fazhi.ingest.domain.DomainException;
import io.fazhi.problems.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problem details: the one place their HTTP statuses are decided. */
public class DomainProblems {
    @ServerExceptionMapper
    public Response map(DomainException e) {
        Problem problem =
                new Problem("about:blank", Problem.title(status(e)), status(e), e.getMessage(), null, fieldErrors(e));
        Response.ResponseBuilder b = Response.fromResponse(problem.toResponse());
        if (e instanceof DomainException.Unavailable u) {
            b.header("Retry-After", Math.max(1, u.retryAfter().toSeconds()));
        }
        return b.build();
    }

    static int status(DomainException e) {
        if (e instanceof DomainException.NotFound) {
            return 404;
        }
        if (e instanceof DomainException.NotPermitted) {
            return 403;
        }
        if (e instanceof DomainException.Conflict) {
            return 409;
        }
        if (e instanceof DomainException.TooLarge) {
            return 413;
        }
        if (e instanceof DomainException.UnsupportedFormat) {
            return 415;
        }
        if (e instanceof DomainException.InvalidFields) {
            return 400;
        }
        if (e instanceof DomainException.Unavailable) {
            return 503;
        }
        return 422; // UnusableContent
    }

    private static List<Problem.FieldError> fieldErrors(DomainException e) {
        if (e instanceof DomainException.InvalidFields f) {
            return f.fields().stream()
                    .map(x -> new Problem.FieldError(x.name(), x.message()))
                    .toList();
        }
        return null;
    }
}
