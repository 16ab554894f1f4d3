package io.fazhi.extract.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.extract.engine.Extraction;
import io.fazhi.extract.engine.Extractor;
import io.fazhi.extract.engine.ReportInput;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes reports, runs the engine, and publishes one event per section and then EXTRACTED. The offset is
 * committed only after the broker acknowledged every event; a report that cannot be processed goes to the
 * dead-letter topic, and ingest-service marks it FAILED.
 */
@ApplicationScoped
public class ReportConsumer {
    private static final Logger LOG = Logger.getLogger(ReportConsumer.class);

    private final ObjectMapper mapper;
    private final Extractor extractor = new Extractor();
    private final SectionPublisher publisher;

    public ReportConsumer(ObjectMapper mapper, SectionPublisher publisher) {
        this.mapper = mapper;
        this.publisher = publisher;
    }

    @Incoming("reports")
    @Blocking
    public void onReport(String json) throws JsonProcessingException {
        ReportSubmitted report = mapper.readValue(json, ReportSubmitted.class);
        if (report.schemaVersion() > ReportSubmitted.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported report schema version " + report.schemaVersion());
        }
        Extraction extraction = extractor.extract(new ReportInput(report.text(), report.agency(), report.city(),
                report.district(), report.year(), report.title(), report.published()));
        publisher.publish(report, extraction, Extractor.VERSION);
        LOG.debugf("report %s: %d sections, %d metrics", report.reportId(), extraction.headingCount(),
                extraction.metricCount());
    }
}
