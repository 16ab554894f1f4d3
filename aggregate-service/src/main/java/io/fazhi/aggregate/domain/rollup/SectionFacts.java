package io.fazhi.aggregate.domain.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.model.MetricRow;
import io.fazhi.aggregate.model.RevisionKey;
import io.fazhi.aggregate.model.RevisionRow;
import io.fazhi.aggregate.model.SectionRow;
import io.fazhi.aggregate.model.SliceKey;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportYears;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.kafka.PoisonMessageException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts one section event carries, as the rows they are stored as: its revision, its section and its metrics.
 * An event that breaks the contract (no report id, a section index outside the count, a metric without a value …) is
 * a {@link PoisonMessageException}: no retry can store it.
 */
public record SectionFacts(String eventId, RevisionRow revision, SectionRow section, List<MetricRow> metrics) {
    /** Longest report id the schema stores. */
    static final int MAX_REPORT_ID = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    public RevisionKey key() {
        return revision.key();
    }

    /** The rows of an event (schema 1 or 2), or a {@link PoisonMessageException} saying what is wrong with it. */
    public static SectionFacts of(SectionExtracted e) {
        require(e.reportId() != null && !e.reportId().isBlank(), "the event has no reportId");
        require(e.reportId().length() <= MAX_REPORT_ID, "reportId longer than " + MAX_REPORT_ID + " characters");
        require(e.extractorVersion() != null && !e.extractorVersion().isBlank(), "the event has no extractorVersion");
        require(e.revision() >= 1, "revision must be 1 or more, not " + e.revision());
        require(e.sectionCount() >= 1, "sectionCount must be 1 or more, not " + e.sectionCount());
        require(
                e.sectionIndex() >= 0 && e.sectionIndex() < e.sectionCount(),
                "sectionIndex " + e.sectionIndex() + " outside 0.." + (e.sectionCount() - 1));
        String expectedId =
                SectionExtracted.eventId(e.reportId(), e.revision(), e.extractorVersion(), e.sectionIndex());
        require(expectedId.equals(e.eventId()), "eventId '" + e.eventId() + "' is not " + expectedId);
        SectionExtracted.Section s = e.section();
        if (s == null && e.withdrawn()) {
            s = new SectionExtracted.Section(null, 0, "", io.fazhi.contracts.Categories.OTHER, 0);
        }
        require(s != null, "the event has no section");
        require(s.category() != null && !s.category().isBlank(), "the section has no category");
        RevisionKey key = new RevisionKey(e.reportId(), e.revision(), e.extractorVersion());
        SectionRow section = new SectionRow(
                key,
                e.sectionIndex(),
                s.heading(),
                s.level(),
                s.path() == null ? "" : s.path(),
                s.category(),
                s.offset());
        List<MetricRow> metrics = new ArrayList<>();
        List<MetricFact> facts = e.metrics() == null ? List.of() : e.metrics();
        for (int i = 0; i < facts.size(); i++) {
            MetricFact m = facts.get(i);
            require(m != null, "metric " + i + " is null");
            require(m.value() != null, "metric " + i + " has no value");
            require(m.unit() != null && !m.unit().isBlank(), "metric " + i + " has no unit");
            metrics.add(new MetricRow(
                    key,
                    e.sectionIndex(),
                    i,
                    s.category(),
                    m.value(),
                    m.unit(),
                    blankToNull(m.rollupUnit()) == null ? m.unit() : m.rollupUnit(),
                    blankToNull(m.unitKind()),
                    blankToNull(m.approx()),
                    blankToNull(m.label()),
                    blankToNull(m.indicator()),
                    m.surface(),
                    m.sentence(),
                    m.offset()));
        }
        return new SectionFacts(e.eventId(), revision(key, e), section, metrics);
    }

    private static RevisionRow revision(RevisionKey key, SectionExtracted e) {
        ReportInfo info = e.report() == null
                ? new ReportInfo(null, null, null, null, null, null, null, null, List.of())
                : e.report();
        String city = blankToNull(info.city());
        Integer year = info.year();
        LocalDate publishedOn = isoDate(info.published());
        Boolean onTime =
                publishedOn == null || year == null ? null : publishedOn.isBefore(LocalDate.of(year + 1, 4, 1));
        SliceKey slice = new SliceKey(
                city == null ? SliceKey.UNKNOWN_CITY : city,
                year != null && ReportYears.valid(year) ? year : SliceKey.UNKNOWN_YEAR);
        return new RevisionRow(
                key,
                e.sectionCount(),
                e.withdrawn(),
                blankToNull(info.agency()),
                city,
                blankToNull(info.district()),
                blankToNull(info.level()),
                year,
                blankToNull(info.published()),
                info.title(),
                json(info.compliance()),
                json(info.warnings() == null ? List.of() : info.warnings()),
                slice,
                publishedOn,
                info.compliance() != null && info.compliance().complete(),
                onTime);
    }

    /** An ISO date (yyyy-MM-dd), or null for anything else. */
    static LocalDate isoDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new PoisonMessageException(
                    "cannot serialise " + value.getClass().getSimpleName(), ex);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new PoisonMessageException("malformed section event: " + problem);
        }
    }
}
