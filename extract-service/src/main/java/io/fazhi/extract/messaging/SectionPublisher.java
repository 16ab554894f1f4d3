package io.fazhi.extract.messaging;

import static io.fazhi.kafka.KeyedMessages.keyed;

import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.engine.Compliance;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportMetadata;
import io.fazhi.engine.Section;
import io.fazhi.kafka.TransientRetry;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Maps an extraction to the event contract and publishes it, keyed by report id ({@code KeyedMessages}), waiting
 * for the broker's acknowledgements. A transient broker failure (the producer's delivery timeout expired: the
 * broker was away longer than {@code delivery.timeout.ms}) is retried by {@link TransientRetry} with backoff for as
 * long as it lasts, and only the sections not yet acknowledged are sent again; the extraction is not repeated. A
 * shorter outage is ridden out inside the idempotent producer, which retries without duplicates. A send that timed
 * out may nevertheless have been written; before a retry the report's partition is read back ({@link SectionLog}),
 * so each section is published once.
 */
@ApplicationScoped
public class SectionPublisher {
    /** The outgoing channels, also the names in the retry metrics. */
    public static final String SECTIONS_CHANNEL = "sections-out";

    public static final String STATUS_CHANNEL = "status-out";
    /** Sections of one report in flight before waiting for their acks. */
    static final int BATCH = 64;
    /** Room for the batches of every worker at once; the Kafka sink takes up to 1,024 in flight. */
    static final int EMITTER_BUFFER = 1024;

    private final MutinyEmitter<SectionExtracted> sections;
    private final MutinyEmitter<ReportStatusChanged> status;
    private final TransientRetry retry;
    private final SectionLog log;
    private final Duration timeout;

    public SectionPublisher(
            @Channel(SECTIONS_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = EMITTER_BUFFER)
                    MutinyEmitter<SectionExtracted> sections,
            @Channel(STATUS_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = EMITTER_BUFFER)
                    MutinyEmitter<ReportStatusChanged> status,
            TransientRetry retry,
            SectionLog log,
            @ConfigProperty(name = "fazhi.extract.send-timeout", defaultValue = "60s") Duration timeout) {
        this.sections = sections;
        this.status = status;
        this.retry = retry;
        this.log = log;
        this.timeout = timeout;
    }

    /** Publishes every section of the extraction, then EXTRACTED; returns once the broker acknowledged all. */
    public void publish(ReportSubmitted report, Extraction extraction, String extractorVersion) throws Exception {
        ReportInfo info = info(extraction);
        List<Section> all = extraction.sections();
        List<SectionExtracted> events = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            events.add(new SectionExtracted(
                    SectionExtracted.SCHEMA_VERSION,
                    SectionExtracted.eventId(report.reportId(), report.revision(), extractorVersion, i),
                    report.reportId(),
                    report.revision(),
                    i,
                    all.size(),
                    extractorVersion,
                    info,
                    new SectionExtracted.Section(s.heading(), s.level(), s.path(), s.category(), s.offset()),
                    s.metrics().stream().map(SectionPublisher::fact).toList(),
                    false));
        }
        publishSections(report.reportId(), events);
        ReportStatusChanged extracted = new ReportStatusChanged(
                ReportStatusChanged.SCHEMA_VERSION,
                report.reportId(),
                report.revision(),
                ReportStatusChanged.Status.EXTRACTED,
                null,
                extractorVersion,
                extraction.headingCount(),
                extraction.metricCount(),
                info,
                Instant.now());
        retry.run(STATUS_CHANNEL, () -> awaitAll(List.of(status.sendMessage(keyed(report.reportId(), extracted)))));
    }

    /**
     * A withdrawn revision (merged into another report, or withdrawn by an operator) passes on as one empty section
     * marked withdrawn, so aggregate-service takes the report out of its rollups in the report's own order.
     */
    public void publishWithdrawal(ReportSubmitted report, String extractorVersion) throws Exception {
        SectionExtracted event = new SectionExtracted(
                SectionExtracted.SCHEMA_VERSION,
                SectionExtracted.eventId(report.reportId(), report.revision(), extractorVersion, 0),
                report.reportId(),
                report.revision(),
                0,
                1,
                extractorVersion,
                new ReportInfo(
                        report.agency(),
                        report.city(),
                        report.district(),
                        null,
                        report.year(),
                        report.published(),
                        report.title(),
                        null,
                        List.of()),
                new SectionExtracted.Section(null, 0, "", "other", 0),
                List.of(),
                true);
        publishSections(report.reportId(), List.of(event));
    }

    /**
     * Sends every event not yet acknowledged, in batches, until all are; transient failures are retried. Before a
     * retry, the sections the broker wrote although their send timed out are read back ({@link SectionLog}) and not
     * sent again.
     */
    private void publishSections(String reportId, List<SectionExtracted> events) throws Exception {
        AtomicIntegerArray acked = new AtomicIntegerArray(events.size());
        Instant started = Instant.now();
        AtomicInteger attempts = new AtomicInteger();
        retry.run(SECTIONS_CHANNEL, () -> {
            if (attempts.incrementAndGet() > 1) {
                Set<String> written = log.eventIdsSince(reportId, started);
                for (int i = 0; i < events.size(); i++) {
                    if (written.contains(events.get(i).eventId())) {
                        acked.set(i, 1);
                    }
                }
            }
            List<Uni<Void>> inFlight = new ArrayList<>(BATCH);
            for (int i = 0; i < events.size(); i++) {
                if (acked.get(i) == 1) {
                    continue; // acknowledged, or read back: never sent twice by this service
                }
                int index = i;
                inFlight.add(
                        sections.sendMessage(keyed(reportId, events.get(i))).invoke(() -> acked.set(index, 1)));
                if (inFlight.size() == BATCH) {
                    awaitAll(inFlight); // bounded: never more in flight than a batch per report
                    inFlight.clear();
                }
            }
            awaitAll(inFlight);
        });
    }

    /**
     * Waits until every send has an answer, so that the acknowledged ones are known, then fails with the first
     * failure (the producer's own exception, which {@link io.fazhi.kafka.TransientFailures} classifies).
     */
    private void awaitAll(List<Uni<Void>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(sends).andCollectFailures().await().atMost(timeout);
        } catch (CompositeException e) {
            Throwable first = e.getCauses().get(0);
            throw first instanceof RuntimeException r ? r : new IllegalStateException(first);
        }
    }

    private static ReportInfo info(Extraction x) {
        ReportMetadata m = x.metadata();
        Compliance c = x.compliance();
        return new ReportInfo(
                m.agency(),
                m.city(),
                m.district(),
                m.level(),
                m.year(),
                m.published(),
                m.title(),
                new ReportInfo.Compliance(
                        c.measuresAndResults(),
                        c.shortcomings(),
                        c.leadersDuties(),
                        c.nextYearPlans(),
                        c.otherMatters()),
                x.warnings());
    }

    private static MetricFact fact(Metric m) {
        return new MetricFact(
                m.value(),
                m.unit(),
                m.approx(),
                m.label(),
                m.indicator(),
                m.unitKind(),
                m.rollupUnit(),
                m.surface(),
                m.sentence(),
                m.offset());
    }
}
