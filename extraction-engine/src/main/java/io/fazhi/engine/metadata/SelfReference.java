package io.fazhi.engine.metadata;

import java.util.HashMap;
import java.util.Map;

/** How the report speaks of its own body (我局, 本区 …: {@code engine/self-refs.tsv}), counted over the text. */
final class SelfReference {
    private SelfReference() {}

    /**
     * The self reference used most often, or null. A county-level body also says 我市 about its city, so its own
     * level wins over 我市 when it says it at least twice.
     */
    static Bodies.SelfRef mostFrequent(String text, int lim, Bodies bodies) {
        Map<Bodies.SelfRef, Integer> count = count(text, lim, bodies);
        Bodies.SelfRef best = null;
        for (Map.Entry<Bodies.SelfRef, Integer> e : count.entrySet()) {
            if (best == null || e.getValue() > count.get(best)) {
                best = e.getKey();
            }
        }
        if (best != null && best.level().equals("city")) {
            for (Map.Entry<Bodies.SelfRef, Integer> e : count.entrySet()) {
                if (!e.getKey().level().equals("city") && !e.getKey().level().equals("town") && e.getValue() >= 2) {
                    return e.getKey();
                }
            }
        }
        return best;
    }

    /** The area word (全县, 全市 …) the text uses most, when it uses it at least twice; else null. */
    static Bodies.SelfRef scope(String text, int lim, Bodies bodies) {
        Map<Bodies.SelfRef, Integer> count = new HashMap<>();
        int end = Math.min(lim, text.length());
        for (int i = text.indexOf('全'); i >= 0 && i < end; i = text.indexOf('全', i + 1)) {
            for (Bodies.SelfRef s : bodies.scopeRefs()) {
                if (Bodies.regionMatches(text, i, s.word())) {
                    count.merge(s, 1, Integer::sum);
                    break;
                }
            }
        }
        Bodies.SelfRef best = null;
        for (Map.Entry<Bodies.SelfRef, Integer> e : count.entrySet()) {
            if (e.getValue() >= 2 && (best == null || e.getValue() > count.get(best))) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Whether the text speaks of itself as a county-level body (我区, 本县, 我旗 …) at least once. */
    static boolean countyLevel(String text, int lim, Bodies bodies) {
        for (Bodies.SelfRef s : count(text, lim, bodies).keySet()) {
            if (s.level().equals("district")) {
                return true;
            }
        }
        return false;
    }

    private static Map<Bodies.SelfRef, Integer> count(String text, int lim, Bodies bodies) {
        Map<Bodies.SelfRef, Integer> count = new HashMap<>();
        int end = Math.min(lim, text.length());
        for (int i = 0; i + 1 < end; i++) {
            char c = text.charAt(i);
            if (c != '我' && c != '本') {
                continue;
            }
            for (Bodies.SelfRef s : bodies.selfRefs()) {
                if (Bodies.regionMatches(text, i + 1, s.word())) {
                    count.merge(s, 1, Integer::sum);
                    break;
                }
            }
        }
        return count;
    }
}
