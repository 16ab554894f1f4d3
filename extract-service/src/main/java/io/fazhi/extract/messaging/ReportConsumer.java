package io.fazhi.extract.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.ReportInput;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes reports, runs the engine, and publishes one event per section and then EXTRACTED. The offset is
 * committed only after the broker acknowledged every event; a report that cannot be processed goes to the
 * dead-letter topic, and ingest-service marks it FAILED.
 */
@ApplicationScoped
public class ReportConsumer {
    private static final Logger LOG = Logger.getLogger(ReportConsumer.class);

    private final ObjectMapper mapper;
    private final Extractor extractor;
    private final SectionPublisher publisher;
    private final Timer extraction;
    private final DistributionSummary sections;
    private final DistributionSummary metrics;
    private final DistributionSummary textChars;

    public ReportConsumer(
            ObjectMapper mapper, Extractor extractor, SectionPublisher publisher, MeterRegistry registry) {
        this.mapper = mapper;
        this.extractor = extractor;
        this.publisher = publisher;
        this.extraction = Timer.builder("fazhi.extraction")
                .description("time to extract one report")
                .publishPercentileHistogram()
                .register(registry);
        this.sections = DistributionSummary.builder("fazhi.report.sections")
                .description("sections found per report")
                .register(registry);
        this.metrics = DistributionSummary.builder("fazhi.report.metrics")
                .description("metrics found per report")
                .register(registry);
        this.textChars = DistributionSummary.builder("fazhi.report.text")
                .baseUnit("chars")
                .description("report text length")
                .register(registry);
    }

    @Incoming("reports")
    @Blocking
    public void onReport(String json) throws JsonProcessingException {
        ReportSubmitted report = mapper.readValue(json, ReportSubmitted.class);
        if (report.schemaVersion() > ReportSubmitted.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported report schema version " + report.schemaVersion());
        }
        MDC.put("reportId", report.reportId());
        try {
            if (report.withdrawn()) {
                publisher.publishWithdrawal(report, extractor.version());
                LOG.infof("report %s revision %d: withdrawn", report.reportId(), report.revision());
                return;
            }
            Timer.Sample sample = Timer.start();
            Extraction result = extractor.extract(new ReportInput(
                    report.text(),
                    report.agency(),
                    report.city(),
                    report.district(),
                    report.year(),
                    report.title(),
                    report.published()));
            sample.stop(extraction);
            sections.record(result.headingCount());
            metrics.record(result.metricCount());
            textChars.record(report.text() == null ? 0 : report.text().length());
            publisher.publish(report, result, extractor.version());
            LOG.infof(
                    "report %s revision %d: %d sections, %d metrics",
                    report.reportId(), report.revision(), result.headingCount(), result.metricCount());
        } finally {
            MDC.remove("reportId");
        }
    }
}
