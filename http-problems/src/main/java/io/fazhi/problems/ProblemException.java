package io.fazhi.problems;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Thrown by resources and services to answer with a problem; the detail must be safe to show a user. */
public class ProblemException extends RuntimeException {
    /** 422: the request is well-formed but holds nothing usable. */
    public static final int UNPROCESSABLE = 422;

    private final int status;
    private final Map<String, String> headers;
    private final List<Problem.FieldError> errors;

    public ProblemException(Response.Status status, String detail) {
        this(status.getStatusCode(), detail, Map.of());
    }

    public ProblemException(Response.Status status, String detail, Map<String, String> headers) {
        this(status.getStatusCode(), detail, headers);
    }

    public ProblemException(int status, String detail) {
        this(status, detail, Map.of());
    }

    public ProblemException(int status, String detail, Map<String, String> headers) {
        this(status, detail, headers, null);
    }

    /** A problem with field-level errors (which field, what is wrong), e.g. 400 for invalid metadata. */
    public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, Map.of(), errors);
    }

    public ProblemException(int status, String detail, Map<String, String> headers, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    public Response toResponse() {
        Problem problem = new Problem("about:blank", Problem.title(status), status, getMessage(), null, errors);
        Response.ResponseBuilder b = Response.fromResponse(problem.toResponse());
        headers.forEach(b::header);
        return b.build();
    }
}
