package io.fazhi.aggregate.domain;

import io.fazhi.aggregate.persistence.MetricFactEntity;
import io.fazhi.aggregate.persistence.ReportRevisionEntity;
import io.fazhi.aggregate.persistence.RollupRepository;
import io.fazhi.aggregate.persistence.SectionFactEntity;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Applies section events, one transaction each: the facts are stored, the event id is recorded, and when the
 * last section of a revision arrives the revision replaces the report's previous one in the rollups, all in the
 * same transaction. A dashboard therefore never sees half a report, and a redelivery changes nothing.
 */
@ApplicationScoped
public class AggregationService {
    public static final String UNKNOWN_CITY = "未知";

    private final RollupRepository rollups;

    public AggregationService(RollupRepository rollups) {
        this.rollups = rollups;
    }

    /** What applying an event did; {@code revisionComplete} says the event's revision is now in the rollups. */
    public record Outcome(boolean duplicate, boolean revisionComplete) {
    }

    @Transactional
    public Outcome apply(SectionExtracted e) {
        ReportRevisionEntity.Key key = new ReportRevisionEntity.Key(e.reportId(), e.revision(), e.extractorVersion());
        if (!rollups.markProcessed(e.eventId())) {
            ReportRevisionEntity known = ReportRevisionEntity.findById(key);
            return new Outcome(true, known != null && known.complete);
        }
        ReportRevisionEntity revision = ReportRevisionEntity.findById(key);
        if (revision == null) {
            revision = newRevision(key, e);
        }
        revision.sectionsReceived++;
        storeFacts(e);
        if (revision.sectionsReceived < revision.sectionCount) {
            return new Outcome(false, false);
        }
        complete(revision);
        return new Outcome(false, true);
    }

    private static ReportRevisionEntity newRevision(ReportRevisionEntity.Key key, SectionExtracted e) {
        ReportInfo info = e.report();
        ReportRevisionEntity r = new ReportRevisionEntity();
        r.key = key;
        r.sectionCount = e.sectionCount();
        r.agency = info.agency();
        r.city = info.city();
        r.district = info.district();
        r.level = info.level();
        r.year = info.year();
        r.published = info.published();
        r.title = info.title();
        r.compliance = info.compliance();
        r.warnings = info.warnings();
        r.rollupCity = info.city() == null || info.city().isBlank() ? UNKNOWN_CITY : info.city();
        r.rollupYear = info.year() == null ? 0 : info.year();
        r.firstSeenAt = Instant.now();
        r.persist();
        return r;
    }

    private static void storeFacts(SectionExtracted e) {
        SectionExtracted.Section s = e.section();
        SectionFactEntity section = new SectionFactEntity();
        section.reportId = e.reportId();
        section.revision = e.revision();
        section.extractorVersion = e.extractorVersion();
        section.sectionIndex = e.sectionIndex();
        section.heading = s.heading();
        section.level = s.level();
        section.path = s.path();
        section.category = s.category();
        section.textOffset = s.offset();
        section.persist();
        List<MetricFactEntity> metrics = new ArrayList<>(e.metrics().size());
        int position = 0;
        for (MetricFact m : e.metrics()) {
            MetricFactEntity f = new MetricFactEntity();
            f.sectionId = section.id;
            f.reportId = e.reportId();
            f.revision = e.revision();
            f.extractorVersion = e.extractorVersion();
            f.position = position++;
            f.category = s.category();
            f.value = m.value();
            f.unit = m.unit();
            f.approx = m.approx();
            f.label = m.label();
            f.metricKey = m.metricKey();
            f.surface = m.surface();
            f.sentence = m.sentence();
            f.textOffset = m.offset();
            metrics.add(f);
        }
        MetricFactEntity.persist(metrics);
    }

    /**
     * The revision is whole: it becomes the report's current one unless a newer revision already is, and the
     * rollup slices of the new and the replaced revision are recomputed.
     */
    private void complete(ReportRevisionEntity revision) {
        revision.complete = true;
        revision.completedAt = Instant.now();
        Object[] current = rollups.lockReport(revision.key.reportId());
        Integer currentRevision = (Integer) current[0];
        String currentExtractor = (String) current[1];
        if (currentRevision != null && currentRevision > revision.key.revision()) {
            return; // a late extraction of an older revision: stored as history, not counted
        }
        TreeSet<String> slices = new TreeSet<>();
        slices.add(slice(revision.rollupCity, revision.rollupYear));
        if (currentRevision != null) {
            ReportRevisionEntity previous = ReportRevisionEntity.findById(
                    new ReportRevisionEntity.Key(revision.key.reportId(), currentRevision, currentExtractor));
            if (previous != null) {
                slices.add(slice(previous.rollupCity, previous.rollupYear));
            }
        }
        rollups.setCurrent(revision.key.reportId(), revision.key.revision(), revision.key.extractorVersion());
        ReportRevisionEntity.getEntityManager().flush();
        for (String slice : slices) { // sorted: two transactions never wait for each other in a cycle
            int bar = slice.lastIndexOf('|');
            String city = slice.substring(0, bar);
            int year = Integer.parseInt(slice.substring(bar + 1));
            rollups.lockSlice(city, year);
            rollups.recomputeSlice(city, year);
        }
    }

    private static String slice(String city, int year) {
        return city + "|" + year;
    }
}
