package io.fazhi.aggregate.api;

import io.fazhi.aggregate.persistence.StoreException;
import io.fazhi.kafka.TransientFailures;
import io.fazhi.problems.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A read that failed because the database is away (restarting, unreachable, the pool exhausted) answers 503 with
 * {@code Retry-After} as problem details; any other database failure is a 500 whose detail names no internals.
 */
public class DatabaseUnavailableMapper {
    /** Seconds a client should wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public Response map(StoreException e) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("read failed, the database is unavailable: %s", e.getMessage());
            return new ProblemException(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "the database is unavailable; retry in " + RETRY_AFTER_SECONDS + " seconds",
                            Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)))
                    .toResponse();
        }
        String id = Long.toHexString(Double.doubleToLongBits(Math.random()));
        LOG.errorf(e, "read failed, problem id %s", id);
        return new ProblemException(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; problem id " + id)
                .toResponse();
    }
}
