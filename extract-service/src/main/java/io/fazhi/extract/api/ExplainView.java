package io.fazhi.extract.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fazhi.engine.Explanation;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportMetadata;
import io.fazhi.engine.Section;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the engine made of a text and why: the report's metadata and sections, and every number it considered, kept
 * or dropped, with the rule that decided and the other rules that fired on it. Offsets refer to the normalised
 * text ({@code text}, included on request).
 */
@Schema(
        description =
                "Every number the engine considered, the rule that kept or dropped it, and the report's metadata and sections")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExplainView(
        @Schema(description = "the version of the extraction rules, as extracted events carry it")
        String extractorVersion,

        MetadataView metadata,
        List<String> warnings,
        List<SectionView> sections,
        List<NumberView> numbers,

        @Schema(description = "the summary of every rule named in this explanation")
        Map<String, String> rules,

        @Schema(description = "the normalised text the offsets refer to (with ?text=true)")
        String text) {

    /** What the text says the report is (uploaded values win; warnings name disagreements). */
    public record MetadataView(
            String agency, String city, String district, String level, Integer year, String published, String title) {}

    /** A section: the preamble (index 0, no heading) or a numbered heading. */
    public record SectionView(
            int index, String heading, int level, String path, String category, int offset, int metrics) {}

    /**
     * One number the engine considered.
     *
     * @param kept      whether it became a metric
     * @param decidedBy the rule that kept or dropped it ({@code metric.keep.*}, {@code metric.drop.*}, {@code
     *     metric.exclude.*})
     * @param reason    what that rule said
     * @param rules     the other rules that fired on its span: how the value, unit, approximation, label and
     *     indicator were read
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record NumberView(
            String surface,
            int offset,
            int end,
            boolean kept,
            String decidedBy,
            String reason,
            BigDecimal value,
            String unit,
            String unitKind,
            String rollupUnit,
            String approx,
            String label,
            String indicator,
            Integer section,
            String sentence,
            List<String> rules) {}

    static ExplainView of(Explanation x, String version, boolean withText) {
        ReportMetadata md = x.extraction().metadata();
        List<Section> sections = x.extraction().sections();
        List<SectionView> sectionViews = new ArrayList<>(sections.size());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            sectionViews.add(new SectionView(
                    i,
                    s.heading(),
                    s.level(),
                    s.path(),
                    s.category(),
                    s.offset(),
                    s.metrics().size()));
        }
        Map<String, String> rules = new TreeMap<>();
        List<NumberView> numbers = new ArrayList<>(x.numbers().size());
        for (Explanation.NumberExplained n : x.numbers()) {
            Metric m = n.metric();
            numbers.add(new NumberView(
                    n.surface(),
                    n.start(),
                    n.end(),
                    n.kept(),
                    n.decidedBy(),
                    n.reason(),
                    m == null ? null : m.value(),
                    m == null ? null : m.unit(),
                    m == null ? null : m.unitKind(),
                    m == null ? null : m.rollupUnit(),
                    m == null ? null : m.approx(),
                    m == null ? null : m.label(),
                    m == null ? null : m.indicator(),
                    sectionOf(sections, n.start()),
                    m == null ? null : m.sentence(),
                    n.rules()));
            name(rules, n.decidedBy());
            n.rules().forEach(r -> name(rules, r));
        }
        return new ExplainView(
                version,
                new MetadataView(
                        md.agency(), md.city(), md.district(), md.level(), md.year(), md.published(), md.title()),
                x.extraction().warnings(),
                sectionViews,
                numbers,
                rules,
                withText ? x.extraction().text() : null);
    }

    private static void name(Map<String, String> rules, String name) {
        Rule r = RuleCatalogue.byName(name);
        if (r != null) {
            rules.put(name, r.summary());
        }
    }

    /** The index of the section holding the offset: the last one starting at or before it (the preamble is 0). */
    private static Integer sectionOf(List<Section> sections, int offset) {
        int lo = 1;
        int hi = sections.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sections.get(mid).offset() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
