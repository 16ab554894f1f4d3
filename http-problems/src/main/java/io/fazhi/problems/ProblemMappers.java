package io.fazhi.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the HTTP API as problem details. Client errors say what was wrong; server errors never show a
 * stack trace or a class name, only an id to find the log line.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return Problem.of(Response.Status.BAD_REQUEST, "malformed JSON" + where + ": " + e.getOriginalMessage())
                .toResponse();
    }

    /** A value of the wrong type ("year": "abc"); Quarkus' own mapper for it answers without a body. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        String field = e.getPath().isEmpty()
                ? null
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
        if (field == null) {
            return json(e);
        }
        String type =
                e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "malformed JSON: a field has the wrong type",
                        null,
                        List.of(new Problem.FieldError(
                                field,
                                "must be "
                                        + (type.equals("Integer") || type.equals("int")
                                                ? "a number"
                                                : "of type " + type))))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem("about:blank", "Bad Request", 400, "the request has invalid fields", null, errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // the body reader wraps parse errors
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("server error", e);
        }
        Response.ResponseBuilder b =
                Response.fromResponse(Problem.of(status, safeDetail(e, status)).toResponse());
        original.getStringHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type")) {
                v.forEach(value -> b.header(k, value));
            }
        });
        return b.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String id = Long.toHexString(Double.doubleToLongBits(Math.random()));
        LOG.errorf(e, "unexpected error, problem id %s", id);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; problem id " + id)
                .toResponse();
    }

    private static String safeDetail(WebApplicationException e, Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce any of the accepted media types";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported content type";
            default -> status.getStatusCode() >= 500 ? "server error" : status.getReasonPhrase();
        };
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
