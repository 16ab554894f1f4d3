package io.fazhi.engine.metadata;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.List;

/**
 * The kind of reporting body, as the samples' README defines it: {@code bureau} (a functional department at any
 * level), {@code district}, {@code zone}, {@code city}, {@code town}. From the agency's name when there is one, else
 * from the body or place the report opens with (or its title names), else from how it speaks of itself.
 */
final class LevelClassifier {
    static final Rule AGENCY = RuleCatalogue.define(
            "meta.level.agency",
            "the agency's name decides the level: a department is a bureau at any level, a government has its place's"
                    + " level, a management committee is a zone, a street office a town");
    static final Rule SUBJECT = RuleCatalogue.define(
            "meta.level.subject",
            "without an agency's name, the body or place the report opens with or its title names decides the level");
    static final Rule SELF_REF = RuleCatalogue.define(
            "meta.level.self-ref",
            "else the way the report speaks of itself decides (我局 bureau, 我区 district or zone, 我镇 town, 我市 city)");
    static final Rule SCOPE = RuleCatalogue.define(
            "meta.level.scope",
            "else the area the report speaks of as its own (全县 district, 全市 city, 全镇 town) decides");

    private final Gazetteer gazetteer;
    private final Bodies bodies;

    LevelClassifier(Gazetteer gazetteer, Bodies bodies) {
        this.gazetteer = gazetteer;
        this.bodies = bodies;
    }

    String level(
            AgencyFinder.Agency agency,
            OpeningSubject.Subject subject,
            Gazetteer.Mention titleSubject,
            Bodies.SelfRef selfRef,
            Bodies.SelfRef scope,
            boolean zone,
            Trace trace) {
        if (agency != null) {
            String level = ofBody(agency.name(), bodies.kindOf(agency.name()));
            if (level != null) {
                return fired(trace, AGENCY, agency.start(), agency.end(), level);
            }
        }
        if (subject != null) {
            String level = subject.kind() == OpeningSubject.Kind.PLACE
                    ? ofPlace(subject.place().places(), subject.place().zone())
                    : ofBody(subject.text(), subject.bodyKind());
            if (level != null) {
                return fired(trace, SUBJECT, subject.start(), subject.end(), level);
            }
        }
        if (titleSubject != null) {
            String level = ofPlace(titleSubject.places(), null);
            if (level != null) {
                return fired(trace, SUBJECT, titleSubject.start(), titleSubject.end(), level);
            }
        }
        if (selfRef != null) {
            String level = selfRef.level().equals("district") && zone ? "zone" : selfRef.level();
            return fired(trace, SELF_REF, 0, 0, level);
        }
        if (scope != null) {
            return fired(trace, SCOPE, 0, 0, scope.level().equals("district") && zone ? "zone" : scope.level());
        }
        return null;
    }

    /** The level of a body by its name's ending; a government by its place. */
    private String ofBody(String name, Bodies.Kind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case BUREAU -> "bureau";
            case ZONE -> "zone";
            case TOWN -> "town";
            case PARTY -> null;
            case GOVERNMENT -> ofGovernment(name);
        };
    }

    private String ofGovernment(String name) {
        List<Gazetteer.Mention> mentions = gazetteer.scan(name, 0, name.length(), 10);
        for (int k = mentions.size() - 1; k >= 0; k--) {
            String level = ofPlace(mentions.get(k).places(), null);
            if (level != null) {
                return level;
            }
        }
        int g = name.lastIndexOf("政府");
        int before = name.endsWith("人民政府") ? name.length() - 5 : g - 1;
        char c = before >= 0 ? name.charAt(before) : ' ';
        return switch (c) {
            case '镇', '乡' -> "town";
            case '区', '县', '旗' -> "district";
            case '市' -> "city";
            default -> null;
        };
    }

    /** The level of a body named after a place: a town, a district (county), a city, a zone. */
    private String ofPlace(int[] places, String zone) {
        if (zone != null) {
            return "zone";
        }
        if (places.length == 0) {
            return null;
        }
        return switch (gazetteer.kind(places[0])) {
            case TOWN -> "town";
            case COUNTY -> "district";
            case CITY -> "city";
            case ZONE, ZONE_KIND -> "zone";
            case PROVINCE -> null;
        };
    }

    private static String fired(Trace trace, Rule rule, int start, int end, String level) {
        if (trace.enabled()) {
            trace.fired(rule, start, end, level);
        }
        return level;
    }
}
