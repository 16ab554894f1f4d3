package io.fazhi.aggregate.domain.rollup;

import io.fazhi.aggregate.model.CountAfter;
import io.fazhi.aggregate.model.SliceChange;
import io.fazhi.aggregate.model.SliceCountKey;
import io.fazhi.aggregate.model.SliceKey;
import io.fazhi.aggregate.model.SliceMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The arithmetic of the (city, year) summaries: a report that stops counting takes its member values away from its
 * slice, one that starts counting adds them; agencies and districts are distinct counts kept by reference counts.
 */
public final class SliceArithmetic {
    private SliceArithmetic() {}

    /** The plain counts per slice and the reference-count changes of its agencies and districts. */
    public record Changes(
            Map<SliceKey, SliceChange> counts,
            Map<SliceCountKey, Integer> agencies,
            Map<SliceCountKey, Integer> districts) {}

    /** The changes when the {@code removed} members stop counting and the {@code added} ones start. */
    public static Changes changes(List<SliceMember> removed, List<SliceMember> added) {
        Map<SliceKey, SliceChange> counts = new TreeMap<>();
        Map<SliceCountKey, Integer> agencies = new TreeMap<>();
        Map<SliceCountKey, Integer> districts = new TreeMap<>();
        for (SliceMember m : removed) {
            add(m, -1, counts, agencies, districts);
        }
        for (SliceMember m : added) {
            add(m, 1, counts, agencies, districts);
        }
        agencies.values().removeIf(v -> v == 0);
        districts.values().removeIf(v -> v == 0);
        return new Changes(counts, agencies, districts);
    }

    /** How each slice's distinct count changes, from the reference counts after the change. */
    public static Map<SliceKey, Integer> distinctChanges(List<CountAfter<SliceCountKey>> after) {
        Map<SliceKey, Integer> changes = new HashMap<>();
        for (CountAfter<SliceCountKey> a : after) {
            if (a.distinctChange() != 0) {
                changes.merge(a.key().slice(), a.distinctChange(), Integer::sum);
            }
        }
        return changes;
    }

    /** The reference counts that reached zero. */
    public static Set<SliceCountKey> emptied(List<CountAfter<SliceCountKey>> after) {
        Set<SliceCountKey> emptied = new TreeSet<>();
        after.stream().filter(a -> a.count() <= 0).forEach(a -> emptied.add(a.key()));
        return emptied;
    }

    /** The summary changes with their agency and district count changes. */
    public static List<SliceChange> withDistinct(
            Map<SliceKey, SliceChange> counts, Map<SliceKey, Integer> agencies, Map<SliceKey, Integer> districts) {
        List<SliceChange> all = new ArrayList<>(counts.size());
        for (SliceChange c : counts.values()) {
            all.add(new SliceChange(
                    c.slice(),
                    c.reports(),
                    c.agencies() + agencies.getOrDefault(c.slice(), 0),
                    c.districts() + districts.getOrDefault(c.slice(), 0),
                    c.metrics(),
                    c.complete(),
                    c.measuresAndResults(),
                    c.shortcomings(),
                    c.leadersDuties(),
                    c.nextYearPlans(),
                    c.otherMatters(),
                    c.publishedKnown(),
                    c.publishedOnTime()));
        }
        return all;
    }

    private static void add(
            SliceMember m,
            int sign,
            Map<SliceKey, SliceChange> counts,
            Map<SliceCountKey, Integer> agencies,
            Map<SliceCountKey, Integer> districts) {
        SliceChange c = new SliceChange(
                m.slice(),
                sign,
                0,
                0,
                sign * m.metrics(),
                sign * flag(m.complete()),
                sign * flag(m.measuresAndResults()),
                sign * flag(m.shortcomings()),
                sign * flag(m.leadersDuties()),
                sign * flag(m.nextYearPlans()),
                sign * flag(m.otherMatters()),
                sign * flag(m.publishedKnown()),
                sign * flag(m.publishedOnTime()));
        counts.merge(m.slice(), c, SliceArithmetic::plus);
        agencies.merge(new SliceCountKey(m.slice(), m.agency()), sign, Integer::sum);
        if (m.district() != null) {
            districts.merge(new SliceCountKey(m.slice(), m.district()), sign, Integer::sum);
        }
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }

    private static SliceChange plus(SliceChange a, SliceChange b) {
        return new SliceChange(
                a.slice(),
                a.reports() + b.reports(),
                a.agencies() + b.agencies(),
                a.districts() + b.districts(),
                a.metrics() + b.metrics(),
                a.complete() + b.complete(),
                a.measuresAndResults() + b.measuresAndResults(),
                a.shortcomings() + b.shortcomings(),
                a.leadersDuties() + b.leadersDuties(),
                a.nextYearPlans() + b.nextYearPlans(),
                a.otherMatters() + b.otherMatters(),
                a.publishedKnown() + b.publishedKnown(),
                a.publishedOnTime() + b.publishedOnTime());
    }
}
