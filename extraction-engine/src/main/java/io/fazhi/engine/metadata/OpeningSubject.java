package io.fazhi.engine.metadata;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.Han;

/**
 * The body the first sentence is about: {@code 2022年,开封市司法局在市委…坚持…} (a body's full name), {@code 市市场监管局}
 * or {@code 县委、县政府} (a body named by its level only), {@code 渝中区深入学习…} or {@code 高新区以…} (a place or zone
 * as the subject). Bodies the sentence only defers to ({@code 在区委、区政府的正确领导下}, {@code 在县司法局的指导下}) and
 * party committees are skipped.
 */
final class OpeningSubject {
    static final Rule SUBJECT = RuleCatalogue.define(
            "meta.subject.opening",
            "the body or place the first sentence of the report is about (2022年,开封市司法局在…; 渝中区深入学习…) is the"
                    + " reporting body");

    /** How far into the first paragraph the subject is sought. */
    private static final int REACH = 160;

    /** Levels a body named by its level alone starts with (市市场监管局, 区司法局, 县政府). */
    private static final String LEVEL_CHARS = ReportWords.LEVEL_CHARS;

    enum Kind {
        /** A body's full name (starts with its place). */
        FULL_BODY,
        /** A body named by its level alone (市市场监管局). */
        LEVEL_BODY,
        /** A place or zone (渝中区, 高新区). */
        PLACE
    }

    /**
     * The subject at {@code [start, end)}; {@code bodyKind} for bodies; {@code place} the place it starts with (or
     * is), null for a body named by its level alone.
     */
    record Subject(int start, int end, String text, Kind kind, Bodies.Kind bodyKind, PlaceEvidence.Evidence place) {}

    private final Bodies bodies;
    private final PlaceEvidence evidence;

    OpeningSubject(PlaceEvidence evidence, Bodies bodies) {
        this.evidence = evidence;
        this.bodies = bodies;
    }

    Subject find(ReportText rt, ReportText.Line paragraph, Trace trace) {
        if (paragraph == null) {
            return null;
        }
        String text = rt.text;
        int from = paragraph.start();
        int to = Math.min(paragraph.end(), from + REACH);
        PlaceEvidence.Evidence[] placeAt = new PlaceEvidence.Evidence[to - from];
        for (PlaceEvidence.Evidence e : evidence.scan(text, from, to, 60, PlaceEvidence.Source.SUBJECT, Trace.NONE)) {
            placeAt[e.start() - from] = e;
        }
        for (int i = from; i < to; i++) {
            if (!boundary(text, i, from) || io.fazhi.engine.text.Titles.inside(text, i, i + 1)) {
                continue;
            }
            int prefix = bodies.nationalPrefixLength(text, i);
            Subject s = prefix > 0 && i + prefix < to
                    ? withPrefix(at(text, i + prefix, to, placeAt[i + prefix - from]), i, text)
                    : at(text, i, to, placeAt[i - from]);
            if (s != null) {
                if (trace.enabled()) {
                    trace.fired(SUBJECT, s.start(), s.end(), s.text() + " (" + s.kind() + ")");
                }
                return s;
            }
        }
        return null;
    }

    /** 国家税务总局|韶关市税务局: a local office's name with its national body's name before the place. */
    private static Subject withPrefix(Subject s, int start, String text) {
        if (s == null || s.kind() != Kind.FULL_BODY) {
            return null;
        }
        return new Subject(start, s.end(), text.substring(start, s.end()), s.kind(), s.bodyKind(), s.place());
    }

    /** A subject can start at the paragraph's start or after a comma, 、, 年 or 下 (…领导下,). */
    private static boolean boundary(String text, int i, int from) {
        if (i == from) {
            return true;
        }
        char before = text.charAt(i - 1);
        // 现将县人民政府2022年…情况报告如下: the body the report is about, named after 现将
        boolean presenting = before == '将' && i >= 2 && text.charAt(i - 2) == '现';
        return before == ',' || before == '、' || before == '年' || before == ' ' || before == ';' || presenting;
    }

    private Subject at(String text, int i, int to, PlaceEvidence.Evidence m) {
        if (m != null) {
            int end = bodyEnd(text, m.end(), to);
            if (end > 0) {
                Bodies.Kind kind = bodies.kindOf(text.substring(i, end));
                if (kind == Bodies.Kind.PARTY) {
                    return partyAndGovernment(text, i, end, to, m);
                }
                if (kind != null && !deferredTo(text, end)) {
                    int start = bodies.nationalPrefixStart(text, i);
                    Kind named = m.places().length == 0 ? Kind.LEVEL_BODY : Kind.FULL_BODY;
                    return new Subject(start, end, text.substring(start, end), named, kind, m);
                }
                return null;
            }
            if (m.end() < to && Han.isHan(text.charAt(m.end())) && !deferredTo(text, m.end())) {
                return new Subject(i, m.end(), text.substring(i, m.end()), Kind.PLACE, null, m);
            }
            return null;
        }
        if (LEVEL_CHARS.indexOf(text.charAt(i)) >= 0) {
            int end = bodyEnd(text, i + 1, to);
            if (end > 0) {
                Bodies.Kind kind = bodies.kindOf(text.substring(i, end));
                if (kind == Bodies.Kind.PARTY) {
                    return partyAndGovernment(text, i, end, to, null);
                }
                if (kind != null && !deferredTo(text, end)) {
                    return new Subject(i, end, text.substring(i, end), Kind.LEVEL_BODY, kind, null);
                }
            }
        }
        return null;
    }

    /** 鞍山市委、市政府深入… and 县委、县政府坚持…: a party committee reporting with its government is the government. */
    private Subject partyAndGovernment(String text, int i, int partyEnd, int to, PlaceEvidence.Evidence m) {
        int k = partyEnd;
        if (k < to && (text.charAt(k) == '、' || text.charAt(k) == '和')) {
            k++;
        }
        int g = text.indexOf("政府", k);
        if (g < 0 || g - k > 4 || g + 2 > to || deferredTo(text, g + 2)) {
            return null;
        }
        return new Subject(
                i,
                g + 2,
                text.substring(i, g + 2),
                m == null ? Kind.LEVEL_BODY : Kind.FULL_BODY,
                Bodies.Kind.GOVERNMENT,
                m);
    }

    /**
     * The end of a body's name that starts at a place ending at {@code from}: the last organisation ending reached
     * over name characters before the sentence goes on, or -1.
     */
    private int bodyEnd(String text, int from, int to) {
        int end = -1;
        int limit = Math.min(to, from + Bodies.MAX_NAME);
        for (int k = from; k <= limit && k <= text.length(); k++) {
            int len = bodies.endingLength(text, k);
            if (len > 0 && k - len >= from - 1) {
                end = k;
            }
            if (k == limit || k == text.length()) {
                break;
            }
            char c = text.charAt(k);
            boolean nameChar = Han.isHan(c) || c == '(' || c == ')';
            if (!nameChar || bodies.nameStopsAt(text, k)) {
                break;
            }
        }
        return end;
    }

    /** …的领导下, …的指导下: a body the sentence defers to, not the one it is about. */
    private static boolean deferredTo(String text, int end) {
        return end < text.length() && text.charAt(end) == '的';
    }
}
