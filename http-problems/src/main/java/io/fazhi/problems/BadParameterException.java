package io.fazhi.problems;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A query or form parameter that cannot be used: answered with 400 problem details naming it in {@code
 * errors[0].field}. The one way the HTTP services reject a bad parameter.
 */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The mapper; closer to this type than the shared mappers, so it wins for it. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(BadParameterException e) {
            return new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            "invalid query parameter '" + e.parameter + "': " + e.getMessage(),
                            null,
                            List.of(new Problem.FieldError(e.parameter, e.getMessage())))
                    .toResponse();
        }
    }
}
