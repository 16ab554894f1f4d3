package io.fazhi.engine.metadata;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The places a span of the text names, as evidence for {@link PlaceResolver}: the gazetteer's mentions, with
 * development zones read by rule. A place followed by a zone kind is a zone of that place (广州经济技术开发区 is a
 * zone of 广州市, 宁河经济开发区 one of 宁河区 by the county's name without 区); a zone kind alone (高新区) is a zone
 * of the report's city. In a body's name, {@code <city>…<X>分局} is a branch in the county X区 of that city.
 */
final class PlaceEvidence {
    static final Rule ZONE_KIND = RuleCatalogue.define(
            "meta.place.zone-kind",
            "a place followed by a zone kind (广州经济技术开发区, 宁河经济开发区) is a development zone hosted by that place");
    static final Rule BRANCH = RuleCatalogue.define(
            "meta.place.branch-office",
            "in a body's name, a branch or office named by a county's or township's name without its suffix"
                    + " (广州市市场监督管理局天河分局, 拱北海关) lies in that county or township");

    /** Where the evidence comes from, and how much it weighs against a plain mention in the body. */
    enum Source {
        BODY(1),
        CHROME(3),
        SUBJECT(6),
        ADDRESSEE(6),
        TITLE(10),
        SIGNATURE(10),
        AGENCY(10);

        final int weight;

        Source(int weight) {
            this.weight = weight;
        }

        boolean strong() {
            return this != BODY && this != CHROME;
        }
    }

    /**
     * One piece of evidence: a span naming the places {@code places} (several when the name is shared). {@code zone}
     * is the zone's name as written when the span names a zone read by rule (its places are its hosts), or a bare
     * zone kind (no places); {@code base} weighs the kind of mention.
     */
    record Evidence(int start, int end, int[] places, boolean full, String zone, Source source, int base) {
        int weight() {
            return base * source.weight;
        }
    }

    private final Gazetteer gazetteer;

    PlaceEvidence(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The evidence in {@code [from, to)} of {@code text}; at most {@code max} mentions. */
    List<Evidence> scan(String text, int from, int to, int max, Source source, Trace trace) {
        List<Gazetteer.Mention> mentions = gazetteer.scan(text, from, to, max);
        List<Evidence> out = new ArrayList<>(mentions.size());
        for (int k = 0; k < mentions.size(); k++) {
            Gazetteer.Mention m = mentions.get(k);
            if (!zoneKind(m)) {
                out.add(new Evidence(m.start(), m.end(), m.places(), m.full(), null, source, base(m)));
                continue;
            }
            String kind = text.substring(m.start(), m.end());
            Evidence previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null
                    && previous.end() == m.start()
                    && previous.zone() == null
                    && hosts(previous.places())) {
                out.set(
                        out.size() - 1,
                        new Evidence(
                                previous.start(),
                                m.end(),
                                previous.places(),
                                true,
                                text.substring(previous.start(), m.end()),
                                source,
                                3));
                fired(trace, previous.start(), m.end(), text);
                continue;
            }
            int floor = previous == null ? from : previous.end();
            Evidence byStem = countyStem(text, m, floor, source);
            if (byStem != null) {
                out.add(byStem);
                fired(trace, byStem.start(), byStem.end(), text);
            } else {
                out.add(new Evidence(m.start(), m.end(), new int[0], true, kind, source, 1));
            }
        }
        if (source.strong()) {
            branches(text, from, to, out, source, trace);
        }
        return out;
    }

    /** The evidence of a line that is not part of the text (page chrome): spans are empty, at 0. */
    List<Evidence> detached(String line, Source source) {
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : scan(line, 0, line.length(), 10, source, Trace.NONE)) {
            out.add(new Evidence(0, 0, e.places(), e.full(), e.zone(), e.source(), e.base()));
        }
        return out;
    }

    private boolean zoneKind(Gazetteer.Mention m) {
        return gazetteer.kind(m.places()[0]) == Gazetteer.Kind.ZONE_KIND;
    }

    /** Whether the places can host a zone named after them (cities and counties). */
    private boolean hosts(int[] places) {
        for (int p : places) {
            Gazetteer.Kind k = gazetteer.kind(p);
            if (k != Gazetteer.Kind.CITY && k != Gazetteer.Kind.COUNTY) {
                return false;
            }
        }
        return places.length > 0;
    }

    /** 宁河经济开发区: the county whose name without its suffix stands right before the zone kind. */
    private Evidence countyStem(String text, Gazetteer.Mention kind, int floor, Source source) {
        for (int len = 4; len >= 2; len--) {
            int start = kind.start() - len;
            if (start < floor || start < 0) {
                continue;
            }
            String stem = text.substring(start, kind.start());
            if (!Bodies.nameChars(stem) || stem.indexOf('(') >= 0) {
                continue;
            }
            int[] places = gazetteer.withStem(stem, Gazetteer.COUNTY_SUFFIXES, Gazetteer.Kind.COUNTY, -1);
            if (places.length > 0) {
                return new Evidence(start, kind.end(), places, true, text.substring(start, kind.end()), source, 2);
            }
        }
        return null;
    }

    /**
     * 广州市市场监督管理局天河分局, 拱北海关: a branch or an office named after the county (of the city named before it)
     * or the township whose name without its suffix stands before 分局 or 海关.
     */
    private void branches(String text, int from, int to, List<Evidence> out, Source source, Trace trace) {
        for (String office : BRANCH_OFFICES) {
            for (int at = text.indexOf(office, from); at >= 0 && at < to; at = text.indexOf(office, at + 2)) {
                int word = at;
                out.removeIf(e -> e.start() < word + office.length() && word < e.end()); // 拱北海关 holds no 北海
            }
        }
        int city = -1;
        for (Evidence e : out) {
            if (e.places().length == 1 && gazetteer.kind(e.places()[0]) == Gazetteer.Kind.CITY) {
                city = e.places()[0];
                break;
            }
        }
        for (String office : BRANCH_OFFICES) {
            for (int at = text.indexOf(office, from); at >= 0 && at < to; at = text.indexOf(office, at + 2)) {
                for (int len = 3; len >= 2; len--) {
                    int start = at - len;
                    if (start < from || covered(out, start, at)) {
                        continue;
                    }
                    String stem = text.substring(start, at);
                    int[] places = gazetteer.withStem(stem, Gazetteer.COUNTY_SUFFIXES, Gazetteer.Kind.COUNTY, city);
                    if (places.length == 0) {
                        // an office named after a township (拱北海关) is its city's, not the township's county's
                        places = java.util.Arrays.stream(
                                        gazetteer.withStem(stem, Gazetteer.TOWN_SUFFIXES, Gazetteer.Kind.TOWN, city))
                                .map(t -> gazetteer.ancestor(t, Gazetteer.Kind.CITY))
                                .filter(c -> c >= 0)
                                .distinct()
                                .toArray();
                    }
                    if (places.length > 0) {
                        out.add(new Evidence(start, at + office.length(), places, true, null, source, 2));
                        if (trace.enabled()) {
                            trace.fired(BRANCH, start, at + office.length(), stem + office);
                        }
                        break;
                    }
                }
            }
        }
    }

    /** Offices named after a county or township of their city. */
    static final List<String> BRANCH_OFFICES = ReportWords.BRANCH_OFFICES;

    /** Whether a body's name is an office named after a county or township (拱北海关, 天河分局) of {@code city}. */
    boolean namedAfterStem(String name, int city) {
        for (String office : BRANCH_OFFICES) {
            for (int len = 3; len >= 2; len--) {
                int start = name.length() - office.length() - len;
                if (name.endsWith(office) && start == 0) {
                    String stem = name.substring(0, len);
                    return gazetteer.withStem(stem, Gazetteer.COUNTY_SUFFIXES, Gazetteer.Kind.COUNTY, city).length > 0
                            || gazetteer.withStem(stem, Gazetteer.TOWN_SUFFIXES, Gazetteer.Kind.TOWN, city).length > 0;
                }
            }
        }
        return false;
    }

    /** Whether {@code [start, end)} overlaps a mention already found (广州海关: 广州 is a city, not a stem). */
    private static boolean covered(List<Evidence> out, int start, int end) {
        for (Evidence e : out) {
            if (e.start() < end && start < e.end()) {
                return true;
            }
        }
        return false;
    }

    private void fired(Trace trace, int start, int end, String text) {
        if (trace.enabled()) {
            trace.fired(ZONE_KIND, start, end, text.substring(start, end));
        }
    }

    /** How much a mention says, by the kind of place it names. */
    private int base(Gazetteer.Mention m) {
        return switch (gazetteer.kind(m.places()[0])) {
            case PROVINCE -> m.full() ? 2 : 1;
            case CITY -> m.full() ? 3 : 2;
            case COUNTY, ZONE_KIND -> 2;
            case TOWN -> 1;
            case ZONE -> 3;
        };
    }
}
