package io.fazhi.engine.metrics;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The measure words of {@code engine/units.tsv}: what each measures (its unit kind), the unit it is reported as and
 * the unit it rolls up under, and the words it must not run on into. The longest measure word at a place wins, so
 * compound measure words ({@code 件次}, {@code 个工作日}) are one unit.
 */
final class Units {
    static final Rule MEASURE_WORD = RuleCatalogue.define(
            "unit.measure-word", "a measure word of the unit data gives the unit, its kind and its rollup unit");
    static final Rule LONGEST = RuleCatalogue.define(
            "unit.longest-match", "the longest measure word at a place wins: 件次 over 件, 个工作日 over 个");
    static final Rule SPACED = RuleCatalogue.define(
            "unit.spaced", "spaces between a number and its measure word (3603 条, 300 余人次) are kept in the surface");

    /**
     * A measure word.
     *
     * @param kind          count, person, money, percent, duration, or none (a word that blocks a shorter unit)
     * @param reported      the unit as the metric reports it
     * @param rollup        the unit it rolls up under
     * @param notFollowedBy words it must not run on into ({@code 部} + {@code 门} is 部门, not a count)
     * @param shorter       a shorter measure word that is a prefix of this one (件 of 件次), or null
     */
    record Unit(String text, String kind, String reported, String rollup, String[] notFollowedBy, Unit shorter) {
        boolean measures() {
            return !kind.equals("none");
        }
    }

    private final Unit[][] byFirst = new Unit[65536][];
    private final Unit percent;
    private final Unit perMille;

    Units() {
        List<Unit> units = new ArrayList<>();
        for (String[] r : EngineData.rows("units.tsv", 5)) {
            String reported = r[2].isEmpty() ? r[0] : r[2];
            String[] nf = r[3].isEmpty() ? new String[0] : r[3].split(",");
            String rollup = r[4].isEmpty() ? reported : r[4];
            units.add(new Unit(r[0], r[1], reported, rollup, nf, null));
        }
        List<Unit> linked = new ArrayList<>(units.size());
        for (Unit u : units) {
            Unit shorter = null;
            for (Unit v : units) {
                if (v != u
                        && u.text().startsWith(v.text())
                        && (shorter == null
                                || v.text().length() > shorter.text().length())) {
                    shorter = v;
                }
            }
            linked.add(new Unit(u.text(), u.kind(), u.reported(), u.rollup(), u.notFollowedBy(), shorter));
        }
        linked.sort(Comparator.comparingInt((Unit u) -> u.text().length()).reversed());
        for (Unit u : linked) {
            char c = u.text().charAt(0);
            Unit[] old = byFirst[c];
            Unit[] now = old == null ? new Unit[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = u;
            byFirst[c] = now;
        }
        this.percent = byText(linked, "%");
        this.perMille = byText(linked, "‰");
    }

    /** The longest measure word starting at {@code q}, or null. */
    Unit at(String text, int q) {
        if (q >= text.length()) {
            return null;
        }
        Unit[] candidates = byFirst[text.charAt(q)];
        if (candidates == null) {
            return null;
        }
        for (Unit u : candidates) {
            if (text.startsWith(u.text(), q)) {
                return u;
            }
        }
        return null;
    }

    /** The word {@code u} runs on into at {@code end} ({@code 门} after {@code 部}), or null. */
    static String runsOnInto(Unit u, String text, int end) {
        for (String nf : u.notFollowedBy()) {
            if (text.startsWith(nf, end)) {
                return nf;
            }
        }
        return null;
    }

    /** The unit of a rate written in words: % for 百分之, ‰ for 千分之. */
    Unit rate(String symbol) {
        return symbol.equals("‰") ? perMille : percent;
    }

    private static Unit byText(List<Unit> units, String text) {
        for (Unit u : units) {
            if (u.text().equals(text)) {
                return u;
            }
        }
        throw new IllegalStateException("units.tsv has no " + text);
    }
}
