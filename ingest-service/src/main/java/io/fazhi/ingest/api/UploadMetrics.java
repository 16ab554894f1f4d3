package io.fazhi.ingest.api;

import io.fazhi.ingest.domain.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code fazhi_uploads_total{outcome}} and {@code fazhi_upload_bytes}, counted on every answer to an upload, including
 * those refused before a resource method ran (malformed JSON, 401, 415).
 */
@Singleton
public class UploadMetrics {
    static final String OUTCOME = "fazhi.outcome";

    private final Map<Outcome, Counter> uploads = new EnumMap<>(Outcome.class);
    private final DistributionSummary bytes;

    public UploadMetrics(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            uploads.put(
                    o,
                    Counter.builder("fazhi.uploads")
                            .description("uploads by outcome")
                            .tag("outcome", o.tag())
                            .register(registry));
        }
        bytes = DistributionSummary.builder("fazhi.upload.bytes")
                .description("size of the uploaded bodies")
                .baseUnit("bytes")
                .register(registry);
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!HttpMethod.POST.equals(request.getMethod())
                || !(path.equals("/api/v1/reports")
                        || path.equals("api/v1/reports")
                        || path.equals("/api/v1/reports/"))) {
            return;
        }
        int status = response.getStatus();
        Outcome outcome;
        if (status == 202) {
            Object set = request.getProperty(OUTCOME);
            outcome = set instanceof Outcome o ? o : Outcome.ACCEPTED;
        } else if (status == 200) {
            outcome = Outcome.DUPLICATE;
        } else if (status == 503) {
            outcome = Outcome.UNAVAILABLE;
        } else {
            outcome = Outcome.REJECTED;
        }
        uploads.get(outcome).increment();
        int length = request.getLength();
        if (length > 0) {
            bytes.record(length);
        }
    }
}
