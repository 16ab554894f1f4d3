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
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * and no event is sent again while an earlier send of it is still without an answer, so each section is published
 * once.
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
        sendEach(STATUS_CHANNEL, status, report.reportId(), List.of(extracted), Set::of);
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
     * Sends the report's sections once each (see {@link #sendEach}); before a retry, the sections the broker wrote
     * although their send failed are read back ({@link SectionLog}) and not sent again.
     */
    private void publishSections(String reportId, List<SectionExtracted> events) throws Exception {
        Instant started = Instant.now();
        sendEach(SECTIONS_CHANNEL, sections, reportId, events, () -> {
            Set<String> written = log.eventIdsSince(reportId, started);
            Set<Integer> indexes = new HashSet<>();
            for (int i = 0; i < events.size(); i++) {
                if (written.contains(events.get(i).eventId())) {
                    indexes.add(i);
                }
            }
            return indexes;
        });
    }

    /**
     * Sends every event until each is acknowledged, at most {@value #BATCH} in flight, retrying transient failures
     * ({@link TransientRetry}); never sends an event again while an earlier send of it may still be written. An
     * attempt waits for the broker's answers at most {@code fazhi.extract.send-timeout}; a send left without one
     * keeps it coming (its future stays subscribed), and the next attempt first waits for every answer still due.
     * Only then are the failed sends made again, less those {@code writtenAnyway} finds on the topic (a send that
     * failed on its delivery timeout may still have been written).
     */
    private <T> void sendEach(
            String channel, MutinyEmitter<T> emitter, String key, List<T> events, Supplier<Set<Integer>> writtenAnyway)
            throws Exception {
        // the latest send of each event: null before the first; done once the broker answered (or it was read back)
        List<CompletableFuture<Void>> sends = new ArrayList<>(Collections.nCopies(events.size(), null));
        AtomicInteger attempts = new AtomicInteger();
        retry.run(channel, () -> {
            if (attempts.incrementAndGet() > 1) {
                awaitAnswers(sends.stream().filter(Objects::nonNull).toList());
                for (int i : writtenAnyway.get()) {
                    sends.set(i, CompletableFuture.completedFuture(null));
                }
            }
            List<CompletableFuture<Void>> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < events.size(); i++) {
                if (acknowledged(sends.get(i))) {
                    continue;
                }
                CompletableFuture<Void> send =
                        emitter.sendMessage(keyed(key, events.get(i))).subscribeAsCompletionStage();
                sends.set(i, send);
                batch.add(send);
                if (batch.size() == BATCH) {
                    awaitAnswers(batch);
                    throwFirstFailure(batch);
                    batch.clear();
                }
            }
            awaitAnswers(batch);
            throwFirstFailure(batch);
        });
    }

    private static boolean acknowledged(CompletableFuture<Void> send) {
        return send != null && send.isDone() && !send.isCompletedExceptionally();
    }

    /** Waits until every send has an answer, acknowledgement or failure; a transient timeout if one has none. */
    private void awaitAnswers(List<CompletableFuture<Void>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .handle((done, failure) -> null)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException(
                    "the broker did not answer every send within " + timeout + "; waiting for them before any resend");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // handle() above never completes exceptionally
        }
    }

    /** Fails with the first failed send's own exception (which {@link io.fazhi.kafka.TransientFailures} classifies). */
    private static void throwFirstFailure(List<CompletableFuture<Void>> sends) {
        for (CompletableFuture<Void> send : sends) {
            if (send.isCompletedExceptionally()) {
                try {
                    send.join();
                } catch (CompletionException e) {
                    Throwable first = e.getCause();
                    throw first instanceof RuntimeException r ? r : new IllegalStateException(first);
                }
            }
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
