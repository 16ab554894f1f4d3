package io.fazhi.aggregate.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.persistence.MetricFactEntity;
import io.fazhi.aggregate.persistence.RollupRepository;
import io.fazhi.aggregate.persistence.SectionFactEntity;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    private final ObjectMapper mapper;

    public AggregationService(RollupRepository rollups, ObjectMapper mapper) {
        this.rollups = rollups;
        this.mapper = mapper;
    }

    /** What applying an event did; {@code revisionComplete} says the event's revision is now in the rollups. */
    public record Outcome(boolean duplicate, boolean revisionComplete) {}

    @Transactional
    public Outcome apply(SectionExtracted e) {
        if (!rollups.markProcessed(e.eventId())) {
            return new Outcome(true, rollups.isComplete(e.reportId(), e.revision(), e.extractorVersion()));
        }
        RollupRepository.RevisionRow row = revisionRow(e);
        rollups.insertRevision(row);
        storeFacts(e);
        long[] counted = rollups.countSection(e.reportId(), e.revision(), e.extractorVersion());
        if (counted[0] < counted[1]) {
            return new Outcome(false, false);
        }
        rollups.markComplete(e.reportId(), e.revision(), e.extractorVersion());
        complete(row, counted[2]);
        return new Outcome(false, true);
    }

    private RollupRepository.RevisionRow revisionRow(SectionExtracted e) {
        ReportInfo info = e.report() == null
                ? new ReportInfo(null, null, null, null, null, null, null, null, List.of())
                : e.report();
        LocalDate publishedOn = parseDate(info.published());
        Boolean onTime = publishedOn == null || info.year() == null
                ? null
                : publishedOn.isBefore(LocalDate.of(info.year() + 1, 4, 1));
        return new RollupRepository.RevisionRow(
                e.reportId(),
                e.revision(),
                e.extractorVersion(),
                e.sectionCount(),
                blankToNull(info.agency()),
                blankToNull(info.city()),
                blankToNull(info.district()),
                info.level(),
                info.year(),
                info.published(),
                info.title(),
                json(info.compliance()),
                json(info.warnings() == null ? List.of() : info.warnings()),
                info.city() == null || info.city().isBlank() ? UNKNOWN_CITY : info.city(),
                info.year() == null ? 0 : info.year(),
                publishedOn,
                info.compliance() != null && info.compliance().complete(),
                onTime);
    }

    static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(
                    "cannot serialise " + value.getClass().getSimpleName(), ex);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
            f.metricKey = m.indicator(); // interim: the indicator id in the v1 metric_key column
            f.surface = m.surface();
            f.sentence = m.sentence();
            f.textOffset = m.offset();
            metrics.add(f);
        }
        MetricFactEntity.persist(metrics);
        MetricFactEntity.flush(); // before the native SQL that counts and aggregates
    }

    /**
     * The revision is whole: it becomes the report's current one unless a newer revision (or a later extraction of
     * the same revision) already is, and the rollup slices of the new and the replaced revision are recomputed.
     */
    private void complete(RollupRepository.RevisionRow revision, long arrival) {
        RollupRepository.Current current = rollups.lockReport(revision.reportId());
        if (current.revision() != null) {
            if (current.revision() > revision.revision()) {
                return; // a late extraction of an older revision: stored as history, not counted
            }
            if (current.revision() == revision.revision() && current.arrival() != null && current.arrival() > arrival) {
                return; // a stale extraction of the current revision that started before the current one
            }
        }
        TreeSet<String> slices = new TreeSet<>();
        slices.add(slice(revision.rollupCity(), revision.rollupYear()));
        if (current.rollupCity() != null) {
            slices.add(slice(current.rollupCity(), current.rollupYear()));
        }
        rollups.setCurrent(revision.reportId(), revision.revision(), revision.extractorVersion());
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
