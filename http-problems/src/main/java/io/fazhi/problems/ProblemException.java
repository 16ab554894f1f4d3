package io.fazhi.problems;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Thrown by resources and services to answer with a problem; the detail must be safe to show a user. */
public class ProblemException extends RuntimeException {
    /** 422: the request is well-formed but holds nothing usable. */
    public static final int UNPROCESSABLE = 422;

    private final int status;
    private final Map<String, String> headers;

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
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public Response toResponse() {
        Response.ResponseBuilder b = Response.fromResponse(Problem.of(status, getMessage()).toResponse());
        headers.forEach(b::header);
        return b.build();
    }
}
