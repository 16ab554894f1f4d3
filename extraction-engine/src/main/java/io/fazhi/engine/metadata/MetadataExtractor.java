package io.fazhi.engine.metadata;

import io.fazhi.engine.metadata.PlaceEvidence.Evidence;
import io.fazhi.engine.metadata.PlaceEvidence.Source;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 5: what the report is, from its normalised text alone: the reporting body (agency), its city and
 * district/county/zone (through the {@link Gazetteer}), the kind of body (level), the year it covers, the date it
 * was published and its title. Reads the title, salutation, signature and opening subject once, then asks each
 * finder of this package in turn; every decision is a named rule of one of them. Uploaded values win over what it
 * finds ({@code Extractor}). Immutable and thread-safe; building it loads the gazetteer, so build one.
 */
public final class MetadataExtractor {
    /** The metadata found: agency, city, district, level, year covered, publication date and title; null when unknown. */
    public record Found(
            String agency, String city, String district, String level, Integer year, String published, String title) {}

    private final Gazetteer gazetteer;
    private final Bodies bodies = new Bodies();
    private final TitleFinder titles = new TitleFinder(bodies);
    private final PublishedFinder publishedFinder = new PublishedFinder();
    private final YearFinder years = new YearFinder();
    private final OpeningSubject subjects;
    private final AgencyFinder agencies;
    private final PlaceEvidence evidence;
    private final PlaceResolver places;
    private final LevelClassifier levels;

    public MetadataExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.evidence = new PlaceEvidence(gazetteer);
        this.subjects = new OpeningSubject(evidence, bodies);
        this.agencies = new AgencyFinder(gazetteer, bodies, titles, evidence);
        this.places = new PlaceResolver(gazetteer);
        this.levels = new LevelClassifier(gazetteer, bodies);
    }

    public MetadataExtractor() {
        this(new Gazetteer());
    }

    /** The metadata found in the normalised text, with the page chrome taken out of it and its first heading's offset. */
    public Found find(String text, List<String> chrome, int firstHeading) {
        return find(text, chrome, firstHeading, -1, Trace.NONE);
    }

    /**
     * As {@link #find(String, List, int)}, reporting to {@code trace} which rule decided what.
     *
     * @param text             the normalised text
     * @param chrome           the page chrome the normaliser took out of it
     * @param firstHeading     where the first heading starts, or -1
     * @param firstHeadingEnd  where the first heading's text ends, or -1
     */
    public Found find(String text, List<String> chrome, int firstHeading, int firstHeadingEnd, Trace trace) {
        ReportText rt = new ReportText(text, chrome, firstHeading);
        TitleFinder.Title title = titles.title(rt, trace);
        ReportText.Line addressee = titles.addressee(rt, title, trace);
        ReportText.Line signature = agencies.signature(rt);
        OpeningSubject.Subject subject =
                subjects.find(rt, rt.firstParagraph(title == null ? null : title.line(), addressee), trace);
        String published = publishedFinder.published(rt, trace);
        Integer year = years.year(rt, title, firstHeadingEnd, published, trace);

        AgencyFinder.Agency agency = agencies.named(rt, title, signature, subject, trace);
        List<Evidence> all = new ArrayList<>();
        if (title != null) {
            if (title.bodyLine() != null) {
                ReportText.Line b = title.bodyLine();
                all.addAll(evidence.scan(text, b.start(), b.end(), 10, Source.TITLE, trace));
            }
            all.addAll(evidence.scan(text, title.line().start(), title.line().end(), 20, Source.TITLE, trace));
        }
        if (signature != null) {
            all.addAll(evidence.scan(text, signature.start(), signature.end(), 10, Source.SIGNATURE, trace));
        }
        if (agency != null) {
            all.addAll(evidence.scan(text, agency.start(), agency.end(), 10, Source.AGENCY, trace));
        }
        if (subject != null) {
            all.addAll(evidence.scan(text, subject.start(), subject.end(), 10, Source.SUBJECT, trace));
        }
        if (addressee != null) {
            all.addAll(evidence.scan(text, addressee.start(), addressee.end(), 10, Source.ADDRESSEE, trace));
        }
        for (String line : rt.chrome) {
            all.addAll(evidence.detached(line, Source.CHROME));
        }
        int n = text.length();
        all.addAll(evidence.scan(text, 0, rt.headEnd(), 20_000, Source.BODY, Trace.NONE));
        if (n > ReportText.HEAD) {
            all.addAll(evidence.scan(
                    text, Math.max(ReportText.HEAD, n - ReportText.TAIL), n, 2_000, Source.BODY, Trace.NONE));
        }
        int[] chosen = places.settle(all, trace);
        PlaceResolver.Places found = places.city(all, chosen, trace);
        int city = found.city();

        Bodies.SelfRef selfRef = SelfReference.mostFrequent(text, rt.headEnd(), bodies);
        if (agency == null) {
            agency = agencies.selfNamed(rt, selfRef, city, addressee, trace);
            if (agency != null) {
                List<Evidence> more = evidence.scan(text, agency.start(), agency.end(), 10, Source.AGENCY, trace);
                all.addAll(more);
                chosen = places.settle(all, Trace.NONE);
                if (city < 0) {
                    city = places.city(all, chosen, trace).city();
                }
            }
        }
        Bodies.SelfRef scope = SelfReference.scope(text, rt.headEnd(), bodies);
        boolean countyBody = SelfReference.countyLevel(text, rt.headEnd(), bodies)
                || countyLevel(subject)
                || (scope != null && scope.level().equals("district"));
        String district = places.district(all, chosen, city, countyBody, trace);
        Gazetteer.Mention titleSubject = title == null ? null : titleSubject(title.text());
        String level = levels.level(agency, subject, titleSubject, selfRef, scope, zone(district), trace);
        return new Found(
                agency == null ? null : agency.name(),
                city < 0 ? null : gazetteer.name(city),
                district,
                level,
                year,
                published,
                title == null ? null : title.text());
    }

    /** 县政府, 区人民政府, 县委、县政府: the first sentence is about a county-level government. */
    private static boolean countyLevel(OpeningSubject.Subject subject) {
        return subject != null
                && subject.kind() == OpeningSubject.Kind.LEVEL_BODY
                && subject.bodyKind() == Bodies.Kind.GOVERNMENT
                && "区县旗".indexOf(subject.text().charAt(0)) >= 0;
    }

    /** Whether a district as written is a zone (开发区, 试验区, 高新区 …). */
    private boolean zone(String district) {
        if (district == null) {
            return false;
        }
        for (int p : gazetteer.named(district)) {
            Gazetteer.Kind k = gazetteer.kind(p);
            if (k == Gazetteer.Kind.ZONE || k == Gazetteer.Kind.ZONE_KIND) {
                return true;
            }
        }
        for (int k = 0; k + 1 < district.length(); k++) {
            Gazetteer.Mention m = gazetteer.at(district, k);
            if (m != null
                    && m.end() == district.length()
                    && gazetteer.kind(m.places()[0]) == Gazetteer.Kind.ZONE_KIND) {
                return true;
            }
        }
        return false;
    }

    /** The place a title names its report after (三都镇2025年…, 2020年静海区…): its last place before 法治 or 关于. */
    private Gazetteer.Mention titleSubject(String title) {
        int cut = title.length();
        for (String w : ReportWords.TITLE_SUBJECT_END) {
            int at = title.indexOf(w);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        Gazetteer.Mention last = null;
        for (Gazetteer.Mention m : gazetteer.scan(title, 0, cut, 10)) {
            if (gazetteer.kind(m.places()[0]) != Gazetteer.Kind.PROVINCE) {
                last = m;
            }
        }
        return last;
    }
}
