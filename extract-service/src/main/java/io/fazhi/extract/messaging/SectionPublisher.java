package io.fazhi.extract.messaging;

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
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Maps an extraction to the event contract and publishes it, keyed by report id, waiting for the acks. */
@ApplicationScoped
public class SectionPublisher {
    /** Sections sent before waiting for their acks; below the emitter's default buffer of 128. */
    static final int BATCH = 64;

    private final MutinyEmitter<SectionExtracted> sections;
    private final MutinyEmitter<ReportStatusChanged> status;
    private final Duration timeout;

    public SectionPublisher(
            @Channel("sections-out") MutinyEmitter<SectionExtracted> sections,
            @Channel("status-out") MutinyEmitter<ReportStatusChanged> status,
            @ConfigProperty(name = "fazhi.extract.send-timeout", defaultValue = "60s") Duration timeout) {
        this.sections = sections;
        this.status = status;
        this.timeout = timeout;
    }

    public void publish(ReportSubmitted report, Extraction extraction, String extractorVersion) {
        ReportInfo info = info(extraction);
        List<Section> all = extraction.sections();
        List<Uni<Void>> acks = new ArrayList<>(BATCH);
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            SectionExtracted event = new SectionExtracted(
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
                    false);
            acks.add(sections.sendMessage(keyed(report.reportId(), event)));
            if (acks.size() == BATCH || i == all.size() - 1) {
                // bounded: never more in flight than the emitter's buffer holds, however many sections
                Uni.join().all(acks).andFailFast().await().atMost(timeout);
                acks.clear();
            }
        }
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
        status.sendMessage(keyed(report.reportId(), extracted)).await().atMost(timeout);
    }

    /**
     * A withdrawn revision (merged into another report, or withdrawn by an operator) passes on as one empty section
     * marked withdrawn, so aggregate-service takes the report out of its rollups in the report's own order.
     */
    public void publishWithdrawal(ReportSubmitted report, String extractorVersion) {
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
        sections.sendMessage(keyed(report.reportId(), event)).await().atMost(timeout);
    }

    private static <T> Message<T> keyed(String key, T payload) {
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .build());
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
