package io.fazhi.aggregate.api;

import io.fazhi.aggregate.model.StoreUnavailableException;
import io.fazhi.problems.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A read that failed because the database is away (restarting, unreachable, the pool exhausted) answers 503 with
 * {@code Retry-After} as problem details; any other failure is http-problems' 500 with a problem id.
 */
public class DatabaseUnavailableMapper {
    /** Seconds a client should wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public Response map(StoreUnavailableException e) {
        LOG.warnf("read failed, the database is unavailable: %s", e.getMessage());
        return new ProblemException(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "the database is unavailable; retry in " + RETRY_AFTER_SECONDS + " seconds",
                        Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)))
                .toResponse();
    }
}
