package io.fazhi.engine.metadata;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.Han;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reporting body's full name where the text gives it: at the start of the title, alone on the line above the
 * title, as the signature, as the subject of the first sentence, or (last) the body of the kind the report calls
 * itself ({@code 我局} -> a {@code …局}) that the text names most often with its place. A full name starts at a
 * place (or at a national body's name before the place: {@code 国家税务总局广州市税务局}); party committees are never
 * the reporting body.
 */
final class AgencyFinder {
    static final Rule TITLE = RuleCatalogue.define(
            "meta.agency.title",
            "the body named at the start of the title, or alone on the line above it, is the agency");
    static final Rule JOINT = RuleCatalogue.define(
            "meta.agency.joint",
            "of a party committee and a government that report together (中共XX市委、XX市人民政府), the government is the"
                    + " agency");
    static final Rule SIGNATURE =
            RuleCatalogue.define("meta.agency.signature", "a last line that is only a body's name is the agency");
    static final Rule SUBJECT = RuleCatalogue.define(
            "meta.agency.subject",
            "a body's full name as the subject of the first sentence (2022年,开封市司法局在…) is the agency");
    static final Rule SELF_NAMED = RuleCatalogue.define(
            "meta.agency.self-named",
            "the body of the kind the report calls itself (我局 -> …局), named most often with its place, is the agency");
    static final Rule NATIONAL_PREFIX = RuleCatalogue.define(
            "meta.agency.national-prefix",
            "a national body's name right before the place belongs to the agency's name (国家税务总局广州市税务局)");

    /** A found agency and the span of the text it was read from. */
    record Agency(String name, int start, int end) {}

    private final Gazetteer gazetteer;
    private final Bodies bodies;
    private final TitleFinder titles;
    private final PlaceEvidence evidence;

    AgencyFinder(Gazetteer gazetteer, Bodies bodies, TitleFinder titles, PlaceEvidence evidence) {
        this.gazetteer = gazetteer;
        this.bodies = bodies;
        this.titles = titles;
        this.evidence = evidence;
    }

    /** The agency from the title, the signature or the opening subject (what needs no city), or null. */
    Agency named(
            ReportText rt,
            TitleFinder.Title title,
            ReportText.Line signature,
            OpeningSubject.Subject subject,
            Trace trace) {
        if (title != null) {
            if (title.bodyLine() != null) {
                ReportText.Line l = title.bodyLine();
                return fired(trace, TITLE, new Agency(l.text(), l.start(), l.end()));
            }
            Agency a = fromTitle(rt, title, trace);
            if (a != null) {
                return a;
            }
        }
        if (signature != null) {
            return fired(trace, SIGNATURE, new Agency(signature.text(), signature.start(), signature.end()));
        }
        if (subject != null
                && subject.kind() == OpeningSubject.Kind.FULL_BODY
                && subject.bodyKind() != Bodies.Kind.PARTY
                && !subject.text().contains("、")
                && !abbreviated(subject.text())) {
            if (subject.start() < subject.place().start() && trace.enabled()) {
                trace.fired(NATIONAL_PREFIX, subject.start(), subject.end(), subject.text());
            }
            return fired(trace, SUBJECT, new Agency(subject.text(), subject.start(), subject.end()));
        }
        return null;
    }

    /** 东城区政府 for 东城区人民政府: a body's name shortened in running text is not its full name. */
    private static boolean abbreviated(String name) {
        return name.endsWith("政府") && !name.endsWith("人民政府");
    }

    /** 江门市工业和信息化局2019年法治政府建设年度报告 -> 江门市工业和信息化局. */
    private Agency fromTitle(ReportText rt, TitleFinder.Title title, Trace trace) {
        String t = title.text();
        int cut = t.length();
        for (int k = 0; k < t.length(); k++) {
            if (Character.isDigit(t.charAt(k))
                    || Dates.chineseYearDigits(t, k) >= 0
                    || t.startsWith("关于", k)
                    || t.startsWith("法治政府", k)
                    || t.startsWith("年度", k)) {
                cut = k;
                break;
            }
        }
        String prefix = t.substring(0, cut).strip();
        int offset = title.line().start();
        String[] parts = prefix.split("[、 ]+");
        if (parts.length > 1) {
            for (int p = parts.length - 1; p >= 0; p--) {
                if (bodies.kindOf(parts[p]) == Bodies.Kind.GOVERNMENT
                        && titles.bodyName(parts[p])
                        && startsAtPlace(parts[p])) {
                    int at = offset + t.indexOf(parts[p]);
                    return fired(trace, JOINT, new Agency(parts[p], at, at + parts[p].length()));
                }
            }
            return null;
        }
        if (!titles.bodyName(prefix) || !startsAtPlace(prefix)) {
            return null;
        }
        if (bodies.nationalPrefixLength(prefix, 0) > 0 && trace.enabled()) {
            trace.fired(NATIONAL_PREFIX, offset, offset + prefix.length(), prefix);
        }
        return fired(trace, TITLE, new Agency(prefix, offset, offset + prefix.length()));
    }

    /** Whether the name starts at a place (after a national body's name, if any), or is an office named after one. */
    private boolean startsAtPlace(String name) {
        if (evidence.namedAfterStem(name, -1)) {
            return true;
        }
        for (int k = 0; k < Math.min(name.length(), 12); k++) {
            if (gazetteer.at(name, k) != null) {
                return k == 0 || bodies.nationalPrefixStart(name, k) == 0;
            }
        }
        return false;
    }

    /** The last lines' signature: one that is only a body's name, or null. */
    ReportText.Line signature(ReportText rt) {
        for (int k = rt.last.size() - 1; k >= 0 && k >= rt.last.size() - 4; k--) {
            ReportText.Line line = rt.last.get(k);
            if (line.text().length() >= 3 && line.text().length() <= 40 && titles.bodyName(line.text())) {
                return line;
            }
        }
        return null;
    }

    /**
     * The body of the kind the report calls itself, named most often with a place in {@code city} (or a province);
     * null when the report does not call itself anything or names no such body.
     */
    Agency selfNamed(ReportText rt, Bodies.SelfRef selfRef, int city, ReportText.Line addressee, Trace trace) {
        if (selfRef == null) {
            return null;
        }
        String text = rt.text;
        int lim = rt.headEnd();
        Map<String, int[]> count = new LinkedHashMap<>();
        for (String suffix : selfRef.endings()) {
            int at = text.indexOf(suffix);
            int found = 0;
            while (at >= 0 && at < lim && found < 2_000) {
                found++;
                int end = at + suffix.length();
                boolean inSalutation = addressee != null && at >= addressee.start() && at < addressee.end();
                if (!inSalutation && bodies.endingLength(text, end) == suffix.length()) {
                    int start = nameStart(text, end, city, selfRef.level());
                    if (start >= 0) {
                        count.computeIfAbsent(text.substring(start, end), k -> new int[] {0, start})[0]++;
                    }
                }
                at = text.indexOf(suffix, end);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, int[]> e : count.entrySet()) {
            if (e.getValue()[0] > bestCount) {
                best = e.getKey();
                bestCount = e.getValue()[0];
            }
        }
        if (best == null) {
            return null;
        }
        int start = count.get(best)[1];
        return fired(trace, SELF_NAMED, new Agency(best, start, start + best.length()));
    }

    /**
     * Where a body's name ending at {@code end} starts: at a place of {@code city} (or a province) whose kind fits
     * the level the report gives itself (我镇: a town; 我区, 我县: a county or zone; 我市: a city), or -1.
     */
    private int nameStart(String text, int end, int city, String level) {
        int lo = Math.max(0, end - 20);
        int start = end - 1;
        while (start - 1 >= lo && Han.isHan(text.charAt(start - 1))) {
            start--;
        }
        for (int k = start; k < end - 1; k++) {
            Gazetteer.Mention m = gazetteer.at(text, k, end);
            if (m != null && m.end() < end - 1) {
                for (int p : m.places()) {
                    Gazetteer.Kind kind = gazetteer.kind(p);
                    if (kind == Gazetteer.Kind.ZONE_KIND) {
                        continue;
                    }
                    boolean inCity = city < 0 || gazetteer.within(p, city) || kind == Gazetteer.Kind.PROVINCE;
                    if (inCity && fits(text, m.end(), end, kind, level)) {
                        return bodies.nationalPrefixStart(text, k);
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /** Whether a government named after a place of {@code kind} is of the {@code level} the report gives itself. */
    private boolean fits(String text, int placeEnd, int end, Gazetteer.Kind kind, String level) {
        if (bodies.kindOf(text.substring(placeEnd, end)) != Bodies.Kind.GOVERNMENT) {
            return true;
        }
        // the government named: of the last place before its ending
        Gazetteer.Mention last = null;
        for (Gazetteer.Mention m : gazetteer.scan(text, placeEnd, end, 5)) {
            last = m;
        }
        Gazetteer.Kind k = last == null ? kind : gazetteer.kind(last.places()[0]);
        return switch (level) {
            case "town" -> k == Gazetteer.Kind.TOWN;
            case "district" -> k == Gazetteer.Kind.COUNTY || k == Gazetteer.Kind.ZONE || k == Gazetteer.Kind.ZONE_KIND;
            case "city" -> k == Gazetteer.Kind.CITY;
            default -> true;
        };
    }

    private static Agency fired(Trace trace, Rule rule, Agency a) {
        if (trace.enabled()) {
            trace.fired(rule, a.start(), a.end(), a.name());
        }
        return a;
    }
}
