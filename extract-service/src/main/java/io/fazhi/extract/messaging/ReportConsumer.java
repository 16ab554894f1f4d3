package io.fazhi.extract.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.ReportInput;
import io.fazhi.kafka.EventDecoder;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes reports, runs the engine once per report, and publishes one event per section and then EXTRACTED
 * ({@link SectionPublisher}, which rides out broker outages). The offset is committed only after the broker
 * acknowledged every event. Only a poison report (unreadable, a schema too new, one the engine cannot process) goes
 * to {@code reports.v1.dlq}, and ingest-service marks it FAILED; a broker outage only delays reports.
 *
 * <p>Reports are processed on the worker pool {@code extract-workers} ({@code EXTRACT_CONCURRENCY}, default 4), not in partition order: a
 * report is one record, and aggregate-service orders the revisions of one report by their number, so two reports
 * in flight at once are safe; while one waits for the broker's acknowledgements the next is extracted. A record
 * delivered again to this instance after it was processed (a rebalance after a failed offset commit) is not
 * processed again ({@link ProcessedRecords}).
 */
@ApplicationScoped
public class ReportConsumer {
    /** The channel, also the name in the retry metrics. */
    public static final String CHANNEL = "reports";
    /** The worker pool (smallrye.messaging.worker.extract-workers.max-concurrency). */
    static final String WORKERS = "extract-workers";

    private static final Logger LOG = Logger.getLogger(ReportConsumer.class);

    private final EventDecoder decoder;
    private final Extractor extractor;
    private final SectionPublisher publisher;
    private final Timer extraction;
    private final DistributionSummary sections;
    private final DistributionSummary metrics;
    private final DistributionSummary textChars;
    private final ProcessedRecords processedRecords = new ProcessedRecords();

    public ReportConsumer(
            ObjectMapper mapper, Extractor extractor, SectionPublisher publisher, MeterRegistry registry) {
        this.decoder = new EventDecoder(mapper);
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

    @Incoming(CHANNEL)
    @Blocking(value = WORKERS, ordered = false)
    public void onReport(ConsumerRecord<String, String> record) throws Exception {
        boolean processed = processedRecords.once(
                record.topic(), record.partition(), record.offset(), () -> process(record.value()));
        if (!processed) {
            LOG.infof(
                    "record %s-%d@%d delivered again after it was processed: nothing sent again",
                    record.topic(), record.partition(), record.offset());
        }
    }

    private void process(String json) throws Exception {
        ReportSubmitted report = decoder.decode(json, ReportSubmitted.class, ReportSubmitted.SCHEMA_VERSION);
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
