package io.fazhi.engine;

import io.fazhi.engine.metadata.MetadataExtractor;
import io.fazhi.engine.metrics.MetricFinder;
import io.fazhi.engine.rules.RecordingTrace;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The extraction engine: plain Java, no framework. Runs the stages in order, each a class of its own:
 * {@link Normaliser} (NFKC, Traditional to Simplified, chrome, re-wrapping), {@link SectionSplitter} (heading tree),
 * {@link Categoriser} (taxonomy categories), {@link MetricFinder} (quantities, labels, keys), {@link MetadataExtractor}
 * (agency, city, district, year, publishing date) and {@link ComplianceChecker} (the five required parts). Offsets
 * refer to the normalised text, which the result carries. Never throws: a failure of a stage yields an empty
 * result for that stage and a warning.
 */
public final class Extractor {

    private final Normaliser normaliser;
    private final SectionSplitter splitter;
    private final Categoriser categoriser;
    private final MetricFinder metricFinder;
    private final MetadataExtractor metadataExtractor;
    private final ComplianceChecker complianceChecker;
    private final IndicatorAssigner indicators;
    private final String version;

    public Extractor() {
        this.version = EngineVersion.current();
        this.normaliser = new Normaliser();
        this.splitter = new SectionSplitter();
        this.categoriser = new Categoriser();
        this.metricFinder = new MetricFinder();
        this.metadataExtractor = new MetadataExtractor();
        this.complianceChecker = new ComplianceChecker();
        this.indicators = new IndicatorAssigner();
    }

    /**
     * The version of the extraction rules ({@link EngineVersion}): it changes whenever a class or a data file of
     * the engine changes, so reprocessing can tell old results from new.
     */
    public String version() {
        return version;
    }

    public Extraction extract(ReportInput input) {
        return extract(input, Trace.NONE);
    }

    /**
     * Extracts and explains: every number the metric finder looked at, with the rule that kept or dropped it and
     * the rules that read its value, unit, approximation, label and indicator. For operators and for settling
     * labelling disputes; slower than {@link #extract(ReportInput)}.
     */
    public Explanation explain(ReportInput input) {
        RecordingTrace trace = new RecordingTrace();
        Extraction extraction = extract(input, trace);
        return Explanation.of(extraction, trace.decisions());
    }

    /**
     * What the text alone says the report is (agency, city, district, level, year covered, published, title), without
     * finding its metrics: for ingest-service, which recognises a report by its agency and year before it is
     * extracted. Never throws; fields the text does not give are null.
     */
    public ReportMetadata metadata(String rawText) {
        try {
            Normaliser.Result norm = normaliser.normalise(rawText);
            String text = norm.text();
            List<SectionSplitter.Heading> headings = splitter.split(text);
            MetadataExtractor.Found found = metadataExtractor.find(
                    text, norm.chrome(), firstHeading(headings), firstHeadingEnd(headings), Trace.NONE);
            return merge(null, found, new ArrayList<>());
        } catch (RuntimeException | StackOverflowError e) {
            return new ReportMetadata(null, null, null, null, null, null, null);
        }
    }

    /** Extracts, reporting to {@code trace} which rule decided what. */
    public Extraction extract(ReportInput input, Trace trace) {
        List<String> warnings = new ArrayList<>();
        String raw = input == null ? null : input.text();
        Normaliser.Result norm;
        try {
            norm = normaliser.normalise(raw, trace);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("normalisation failed: " + e);
            norm = new Normaliser.Result(raw == null ? "" : raw, List.of(), false);
        }
        String text = norm.text();
        if (norm.convertedFromTraditional()) {
            warnings.add("text converted from Traditional to Simplified characters");
        }

        List<SectionSplitter.Heading> headings;
        try {
            headings = splitter.split(text, trace);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("section splitting failed: " + e);
            headings = List.of();
        }
        if (headings.size() >= SectionSplitter.MAX_HEADINGS) {
            warnings.add("more than " + SectionSplitter.MAX_HEADINGS + " headings; the rest are treated as text");
        }
        List<String> categories;
        try {
            categories = categoriser.categorise(text, headings, trace);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("categorisation failed: " + e);
            categories = new ArrayList<>();
            for (int i = 0; i < headings.size(); i++) {
                categories.add("other");
            }
        }
        List<Metric> metrics;
        try {
            metrics = metricFinder.find(text, trace);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("metric finding failed: " + e);
            metrics = List.of();
        }
        if (metrics.size() >= MetricFinder.MAX_METRICS) {
            warnings.add("more than " + MetricFinder.MAX_METRICS + " quantities; the rest are ignored");
        }

        List<Section> sections = sections(text, headings, categories, metrics, trace);

        ReportMetadata metadata;
        try {
            MetadataExtractor.Found found = metadataExtractor.find(
                    text, norm.chrome(), firstHeading(headings), firstHeadingEnd(headings), trace);
            metadata = merge(input, found, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("metadata extraction failed: " + e);
            metadata = input == null
                    ? new ReportMetadata(null, null, null, null, null, null, null)
                    : new ReportMetadata(
                            input.agency(),
                            input.city(),
                            input.district(),
                            null,
                            input.year(),
                            input.published(),
                            input.title());
        }
        Compliance compliance;
        try {
            compliance = complianceChecker.check(text, headings, categories, trace);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("compliance check failed: " + e);
            compliance = new Compliance(false, false, false, false, false);
        }
        return new Extraction(metadata, compliance, List.copyOf(warnings), sections, text);
    }

    private List<Section> sections(
            String text,
            List<SectionSplitter.Heading> headings,
            List<String> categories,
            List<Metric> metrics,
            Trace trace) {
        List<Section> sections = new ArrayList<>(headings.size() + 1);
        int m = 0;
        int count = headings.size();
        int firstOffset = count == 0 ? text.length() + 1 : headings.get(0).offset();
        List<Metric> own = new ArrayList<>();
        while (m < metrics.size() && metrics.get(m).offset() < firstOffset) {
            own.add(metrics.get(m++));
        }
        sections.add(new Section(null, 0, "", "other", 0, withIndicators(own, text, "other", List.of(), trace)));
        for (int h = 0; h < count; h++) {
            SectionSplitter.Heading heading = headings.get(h);
            int end = h + 1 < count ? headings.get(h + 1).offset() : text.length() + 1;
            own = new ArrayList<>();
            while (m < metrics.size() && metrics.get(m).offset() < end) {
                own.add(metrics.get(m++));
            }
            sections.add(new Section(
                    heading.text(),
                    heading.level(),
                    heading.path(),
                    categories.get(h),
                    heading.offset(),
                    withIndicators(own, text, categories.get(h), headingPath(headings, h), trace)));
        }
        return sections;
    }

    private static int firstHeading(List<SectionSplitter.Heading> headings) {
        return headings.isEmpty() ? -1 : headings.get(0).offset();
    }

    private static int firstHeadingEnd(List<SectionSplitter.Heading> headings) {
        return headings.isEmpty()
                ? -1
                : headings.get(0).offset() + headings.get(0).text().length();
    }

    /** The headings from the outermost section down to heading {@code h}. */
    private static List<String> headingPath(List<SectionSplitter.Heading> headings, int h) {
        List<String> path = new ArrayList<>();
        for (int k = h; k >= 0 && path.size() < 8; k = headings.get(k).parent()) {
            path.add(0, headings.get(k).text());
        }
        return List.copyOf(path);
    }

    private List<Metric> withIndicators(
            List<Metric> metrics, String text, String category, List<String> headings, Trace trace) {
        List<Metric> out = new ArrayList<>(metrics.size());
        IndicatorAssigner.Context context = new IndicatorAssigner.Context(text, category, headings);
        List<String> ids;
        try {
            ids = indicators.assignAll(metrics, context, trace);
        } catch (RuntimeException e) {
            ids = java.util.Collections.nCopies(metrics.size(), null);
        }
        for (int i = 0; i < metrics.size(); i++) {
            out.add(metrics.get(i).withIndicator(ids.get(i)));
        }
        return List.copyOf(out);
    }

    /** Uploaded values win; where the text disagrees, a warning says so. */
    private static ReportMetadata merge(ReportInput input, MetadataExtractor.Found found, List<String> warnings) {
        if (input == null) {
            return new ReportMetadata(
                    found.agency(),
                    found.city(),
                    found.district(),
                    found.level(),
                    found.year(),
                    found.published(),
                    found.title());
        }
        String agency = pick("agency", input.agency(), found.agency(), warnings);
        String city = pick("city", input.city(), found.city(), warnings);
        String district = pick("district", input.district(), found.district(), warnings);
        Integer year = pick("year", input.year(), found.year(), warnings);
        String published = pick("published", input.published(), found.published(), warnings);
        String title = input.title() != null ? input.title() : found.title();
        return new ReportMetadata(agency, city, district, found.level(), year, published, title);
    }

    private static <T> T pick(String field, T uploaded, T found, List<String> warnings) {
        if (uploaded == null) {
            return found;
        }
        if (found != null && !Objects.equals(uploaded, found)) {
            warnings.add(field + ": uploaded " + uploaded + " but the text says " + found);
        }
        return uploaded;
    }
}
