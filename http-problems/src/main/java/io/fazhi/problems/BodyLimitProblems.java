package io.fazhi.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A body above the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) answered as problem details.
 * Quarkus refuses such a request by its Content-Length in a route of order {@link
 * RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}, with a bare 413; this route runs just before it and answers the same
 * refusal (413, then the connection closed, as the body is not read) with a body saying what the limit is. A body
 * without Content-Length (chunked) that grows past the limit fails the route with 413; the failure handler answers
 * that one the same way.
 */
@ApplicationScoped
public class BodyLimitProblems {
    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router) {
        Optional<MemorySize> limit =
                ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class);
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > max) {
                refuse(ctx, max);
                return;
            }
            ctx.next();
        });
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(ctx -> {
            if (ctx.statusCode() == 413
                    && !ctx.response().ended()
                    && !ctx.response().headWritten()) {
                refuse(ctx, max);
            } else {
                ctx.next();
            }
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x answers a malformed Content-Length itself
        }
    }

    static String body(long max) {
        try {
            return JSON.writeValueAsString(Problem.of(
                    413, "the request body is larger than the " + max + " bytes this service accepts at all"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(RoutingContext ctx, long max) {
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> ctx.request().connection().close())
                .end(body(max));
    }
}
