package io.fazhi.engine.metadata;

import io.fazhi.engine.metadata.PlaceEvidence.Evidence;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's province, city and county-level district, voted from the places its text names. Every mention
 * counts for its place and every place containing it (a town for its county, city and province), weighted by
 * where it stands (title, signature, agency, subject and salutation far above the body). A name several places
 * share (海陵区 in 泰州, 中山区 in 大连; 城关镇 in 88 counties) goes to the one the other mentions support, or to none.
 * The city is the best voted city of the best voted province; for a municipality (北京, 天津, 上海, 重庆) the city is
 * the municipality itself. The district is the county or county-level zone the strongest mentions name, or, for a
 * county-level body (我区, 县政府 …) that names none, the county of the city it names most often.
 */
final class PlaceResolver {
    static final Rule CITY = RuleCatalogue.define(
            "meta.place.city",
            "the city is the best voted city of the best voted province, strong mentions weighing most");
    static final Rule SHARED_NAME = RuleCatalogue.define(
            "meta.place.shared-name",
            "a place name several places share goes to the one the report's other mentions support (its province, city"
                    + " or county), or to none");
    static final Rule MUNICIPALITY = RuleCatalogue.define(
            "meta.place.municipality",
            "the districts and counties of a municipality (北京, 天津, 上海, 重庆) keep the municipality as their city");
    static final Rule TOWN =
            RuleCatalogue.define("meta.place.town", "a township or street (乡, 镇, 街道) resolves to its county and city");
    static final Rule SHORT_FORM = RuleCatalogue.define(
            "meta.place.short-form",
            "an autonomous prefecture or county is known by its name without the ethnic-group part (楚雄州, 景东县)");
    static final Rule ZONE = RuleCatalogue.define(
            "meta.place.zone",
            "a development zone of the alias data (火炬开发区, 南沙新区) resolves to its host city and district");
    static final Rule DISTRICT_NAMED = RuleCatalogue.define(
            "meta.district.named",
            "the district is the county or county-level zone named by the title, agency, signature, subject or"
                    + " salutation (a town named there gives its county)");
    static final Rule DISTRICT_OF_COUNTY_BODY = RuleCatalogue.define(
            "meta.district.county-body",
            "a county-level body (我区, 本县, 县政府) that names no district is in the county of its city it names most");
    static final Rule BARE_ZONE = RuleCatalogue.define(
            "meta.district.bare-zone",
            "a report whose body is a bare zone kind (高新区, 经济开发区) is the zone of that kind the text names with its"
                    + " place, else that zone of its city as written");

    /** Province, city and district found (ids; -1 when unknown), the district as written. */
    record Places(int province, int city, String district) {}

    private final Gazetteer gazetteer;

    PlaceResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The place each piece of evidence stands for after shared names are settled (-1: unresolved). */
    int[] settle(List<Evidence> evidence, Trace trace) {
        int[] chosen = new int[evidence.size()];
        Map<Integer, Integer> prior = new HashMap<>();
        for (int k = 0; k < evidence.size(); k++) {
            Evidence e = evidence.get(k);
            chosen[k] = -1;
            if (e.places().length == 0) {
                continue;
            }
            int common = common(e.places());
            if (common >= 0 && gazetteer.ancestor(common, Gazetteer.Kind.CITY) >= 0) {
                chosen[k] = common;
                add(prior, common, e.weight());
            } else if (e.places().length == 1) {
                chosen[k] = e.places()[0];
                add(prior, chosen[k], e.weight());
            }
        }
        for (int k = 0; k < evidence.size(); k++) {
            Evidence e = evidence.get(k);
            if (chosen[k] >= 0 || e.places().length < 2) {
                continue;
            }
            int best = -1;
            int bestSupport = 0;
            boolean tie = false;
            for (int p : e.places()) {
                int support = support(prior, p);
                if (support > bestSupport) {
                    best = p;
                    bestSupport = support;
                    tie = false;
                } else if (support == bestSupport && support > 0) {
                    tie = true;
                }
            }
            chosen[k] = tie ? -1 : best;
            if (trace.enabled() && e.source().strong()) {
                trace.fired(
                        SHARED_NAME,
                        e.start(),
                        e.end(),
                        chosen[k] < 0 ? "unresolved" : "resolved to " + path(chosen[k]));
            }
        }
        return chosen;
    }

    /** How much the unambiguous mentions support a candidate place: its province, city and county. */
    private int support(Map<Integer, Integer> prior, int p) {
        int province = gazetteer.province(p);
        int city = gazetteer.ancestor(p, Gazetteer.Kind.CITY);
        int county = gazetteer.ancestor(gazetteer.parent(p) < 0 ? p : gazetteer.parent(p), Gazetteer.Kind.COUNTY);
        return prior.getOrDefault(province, 0)
                + (city >= 0 && city != province ? 2 * prior.getOrDefault(city, 0) : 0)
                + (county >= 0 ? 3 * prior.getOrDefault(county, 0) : 0);
    }

    /** The deepest place containing all of them, or -1. */
    private int common(int[] places) {
        int c = places[0];
        for (int k = 1; k < places.length && c >= 0; k++) {
            while (c >= 0 && !gazetteer.within(places[k], c)) {
                c = gazetteer.parent(c);
            }
        }
        return c;
    }

    private void add(Map<Integer, Integer> score, int place, int weight) {
        for (int p = place; p >= 0; p = gazetteer.parent(p)) {
            score.merge(p, weight, Integer::sum);
        }
    }

    /** Province and city from the settled evidence. */
    Places city(List<Evidence> evidence, int[] chosen, Trace trace) {
        Map<Integer, Integer> score = new LinkedHashMap<>();
        for (int k = 0; k < evidence.size(); k++) {
            if (chosen[k] >= 0) {
                add(score, chosen[k], evidence.get(k).weight());
            }
        }
        int province = argmax(score, Gazetteer.Kind.PROVINCE, -1);
        int city = argmax(score, Gazetteer.Kind.CITY, province);
        if (city >= 0 && trace.enabled()) {
            Evidence best = strongest(evidence, chosen, city);
            int start = best == null ? 0 : best.start();
            int end = best == null ? 0 : best.end();
            trace.fired(CITY, start, end, gazetteer.name(city) + " (" + score.get(city) + ")");
            if (gazetteer.name(city).equals(gazetteer.name(gazetteer.province(city)))) {
                trace.fired(MUNICIPALITY, start, end, gazetteer.name(city));
            }
            for (int k = 0; k < evidence.size(); k++) {
                int p = chosen[k];
                Evidence e = evidence.get(k);
                if (p < 0 || !gazetteer.within(p, city) || !e.source().strong()) {
                    continue;
                }
                if (gazetteer.kind(p) == Gazetteer.Kind.TOWN) {
                    trace.fired(TOWN, e.start(), e.end(), path(p));
                } else if (gazetteer.kind(p) == Gazetteer.Kind.ZONE && e.zone() == null) {
                    trace.fired(ZONE, e.start(), e.end(), path(p));
                } else if (!e.full() && gazetteer.name(p).contains("自治")) {
                    trace.fired(SHORT_FORM, e.start(), e.end(), gazetteer.name(p));
                }
            }
        }
        return new Places(province, city, null);
    }

    private Evidence strongest(List<Evidence> evidence, int[] chosen, int city) {
        Evidence best = null;
        for (int k = 0; k < evidence.size(); k++) {
            if (chosen[k] >= 0
                    && gazetteer.within(chosen[k], city)
                    && (best == null || evidence.get(k).weight() > best.weight())) {
                best = evidence.get(k);
            }
        }
        return best;
    }

    private int argmax(Map<Integer, Integer> score, Gazetteer.Kind kind, int within) {
        int best = -1;
        int bestScore = 0;
        for (Map.Entry<Integer, Integer> e : score.entrySet()) {
            int p = e.getKey();
            if (gazetteer.kind(p) == kind && (within < 0 || gazetteer.within(p, within)) && e.getValue() > bestScore) {
                best = p;
                bestScore = e.getValue();
            }
        }
        return best;
    }

    /**
     * The district of {@code city}: named by the strong evidence, else (for a county-level body) the county the body
     * evidence names most, else a bare zone kind the strong evidence names; null when none.
     */
    String district(List<Evidence> evidence, int[] chosen, int city, boolean countyBody, Trace trace) {
        if (city < 0) {
            return null;
        }
        String cityName = gazetteer.name(city);
        Map<String, int[]> strong = new LinkedHashMap<>();
        Map<String, int[]> body = new LinkedHashMap<>();
        String bareZone = null;
        Evidence bareZoneAt = null;
        for (int k = 0; k < evidence.size(); k++) {
            Evidence e = evidence.get(k);
            if (e.places().length == 0) {
                if (e.source().strong() && bareZone == null) {
                    bareZone = e.zone();
                    bareZoneAt = e;
                }
                continue;
            }
            int p = chosen[k];
            if (p < 0 || !gazetteer.within(p, city)) {
                continue;
            }
            String name = districtName(e, p, city);
            if (name == null || name.equals(cityName)) {
                continue;
            }
            Map<String, int[]> into = e.source().strong() ? strong : body;
            into.computeIfAbsent(name, n -> new int[] {0, e.start(), e.end()})[0] += e.weight();
        }
        String named = best(strong);
        if (named != null) {
            int[] at = strong.get(named);
            return fired(trace, DISTRICT_NAMED, at[1], at[2], named);
        }
        if (countyBody) {
            String most = best(body);
            if (most != null) {
                int[] at = body.get(most);
                return fired(trace, DISTRICT_OF_COUNTY_BODY, at[1], at[2], most);
            }
        }
        if (bareZone != null) {
            for (int k = 0; k < evidence.size(); k++) {
                Evidence e = evidence.get(k);
                if (e.zone() != null
                        && e.places().length > 0
                        && chosen[k] >= 0
                        && gazetteer.within(chosen[k], city)
                        && e.zone().endsWith(bareZone)) {
                    String zone = districtName(e, chosen[k], city);
                    if (zone != null) {
                        return fired(trace, BARE_ZONE, e.start(), e.end(), zone);
                    }
                }
            }
            return fired(trace, BARE_ZONE, bareZoneAt.start(), bareZoneAt.end(), bareZone);
        }
        return null;
    }

    /** The county-level unit a piece of evidence names within {@code city}: a county, or a zone directly under it. */
    private String districtName(Evidence e, int p, int city) {
        if (e.zone() != null && p == city) {
            return e.zone();
        }
        if (gazetteer.kind(p) == Gazetteer.Kind.ZONE && gazetteer.parent(p) == city) {
            return gazetteer.name(p);
        }
        int county = gazetteer.ancestor(p, Gazetteer.Kind.COUNTY);
        return county >= 0 ? gazetteer.name(county) : null;
    }

    private static String best(Map<String, int[]> score) {
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, int[]> e : score.entrySet()) {
            if (e.getValue()[0] > bestScore) {
                best = e.getKey();
                bestScore = e.getValue()[0];
            }
        }
        return best;
    }

    private static String fired(Trace trace, Rule rule, int start, int end, String district) {
        if (trace.enabled()) {
            trace.fired(rule, start, end, district);
        }
        return district;
    }

    /** 广东省 > 江门市 > 新会区 > 会城街道. */
    String path(int place) {
        StringBuilder b = new StringBuilder();
        for (int p = place; p >= 0; p = gazetteer.parent(p)) {
            b.insert(0, b.length() == 0 ? gazetteer.name(p) : gazetteer.name(p) + " > ");
        }
        return b.toString();
    }
}
