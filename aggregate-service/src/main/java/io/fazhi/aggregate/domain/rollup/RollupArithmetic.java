package io.fazhi.aggregate.domain.rollup;

import io.fazhi.aggregate.model.AgencyCellKey;
import io.fazhi.aggregate.model.AgencyChange;
import io.fazhi.aggregate.model.CellAfter;
import io.fazhi.aggregate.model.CellChange;
import io.fazhi.aggregate.model.CellKey;
import io.fazhi.aggregate.model.Contribution;
import io.fazhi.aggregate.model.CountAfter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The arithmetic of incremental rollups. When reports change their current revision, their old contributions are
 * taken away and the new ones added: observations, totals and counts directly; reports per cell and per agency cell
 * as reference counts (one contribution is one report); agencies per cell from the agency cells that start or stop
 * counting; min and max by {@code least}/{@code greatest} of what is added, and recomputed only for the cells whose
 * extreme was taken away. A contribution replaced by an equal one changes nothing and is left out.
 */
public final class RollupArithmetic {
    private RollupArithmetic() {}

    /** The contributions that really change: a removed one equal to an added one of the same report cancels out. */
    public record Difference(List<Contribution> removed, List<Contribution> added) {}

    public static Difference difference(List<Contribution> removed, List<Contribution> added) {
        Set<Contribution> addedSet = new HashSet<>(added);
        Set<Contribution> removedSet = new HashSet<>(removed);
        return new Difference(
                removed.stream().filter(c -> !addedSet.contains(c)).toList(),
                added.stream().filter(c -> !removedSet.contains(c)).toList());
    }

    /** What to add to each cell (agencies left at 0: see {@link #withAgencies}). */
    public static Map<CellKey, CellChange> cellChanges(Difference d) {
        Map<CellKey, CellChange> changes = new TreeMap<>();
        for (Contribution c : d.removed()) {
            changes.merge(c.cell(), change(c, -1), RollupArithmetic::plus);
        }
        for (Contribution c : d.added()) {
            changes.merge(c.cell(), change(c, 1), RollupArithmetic::plus);
        }
        return changes;
    }

    /** What to add to each agency cell. */
    public static Map<AgencyCellKey, AgencyChange> agencyChanges(Difference d) {
        Map<AgencyCellKey, AgencyChange> changes = new TreeMap<>();
        for (Contribution c : d.removed()) {
            changes.merge(c.agencyCell(), agencyChange(c, -1), RollupArithmetic::plus);
        }
        for (Contribution c : d.added()) {
            changes.merge(c.agencyCell(), agencyChange(c, 1), RollupArithmetic::plus);
        }
        return changes;
    }

    /** How the number of agencies of each cell changes, from its agency cells' reference counts after the change. */
    public static Map<CellKey, Integer> agencyCountChanges(List<CountAfter<AgencyCellKey>> after) {
        Map<CellKey, Integer> changes = new HashMap<>();
        for (CountAfter<AgencyCellKey> a : after) {
            if (a.distinctChange() != 0) {
                changes.merge(a.key().cell(), a.distinctChange(), Integer::sum);
            }
        }
        return changes;
    }

    /** The agency cells whose reference count reached zero. */
    public static Set<AgencyCellKey> emptiedAgencies(List<CountAfter<AgencyCellKey>> after) {
        Set<AgencyCellKey> emptied = new TreeSet<>();
        after.stream().filter(a -> a.count() <= 0).forEach(a -> emptied.add(a.key()));
        return emptied;
    }

    /** The cell changes with the change of their number of agencies. */
    public static List<CellChange> withAgencies(Map<CellKey, CellChange> changes, Map<CellKey, Integer> agencies) {
        List<CellChange> all = new ArrayList<>(changes.size());
        for (CellChange c : changes.values()) {
            int a = agencies.getOrDefault(c.cell(), 0);
            all.add(new CellChange(
                    c.cell(),
                    c.observations(),
                    c.reports(),
                    c.agencies() + a,
                    c.total(),
                    c.nonAdditive(),
                    c.lowerBounds(),
                    c.min(),
                    c.max()));
        }
        return all;
    }

    /**
     * The cells, still counting reports, whose min or max a removed contribution may have held: their extreme after
     * the change equals the removed one (what was added cannot lower a min below the true one, so where a removed
     * value is above the min and below the max after, the extremes still stand).
     */
    public static Set<CellKey> extremesTakenAway(List<Contribution> removed, List<CellAfter> after) {
        Map<CellKey, CellAfter> byCell = new HashMap<>();
        after.forEach(a -> byCell.put(a.cell(), a));
        Set<CellKey> cells = new TreeSet<>();
        for (Contribution r : removed) {
            CellAfter a = byCell.get(r.cell());
            if (a == null || a.reports() <= 0) {
                continue; // the cell is gone
            }
            if (a.min() == null
                    || a.max() == null
                    || r.min().compareTo(a.min()) <= 0
                    || r.max().compareTo(a.max()) >= 0) {
                cells.add(r.cell());
            }
        }
        return cells;
    }

    /** The cells left without reports. */
    public static Set<CellKey> emptiedCells(List<CellAfter> after) {
        Set<CellKey> emptied = new TreeSet<>();
        after.stream().filter(a -> a.reports() <= 0).forEach(a -> emptied.add(a.cell()));
        return emptied;
    }

    private static CellChange change(Contribution c, int sign) {
        return new CellChange(
                c.cell(),
                sign * c.observations(),
                sign,
                0,
                sign > 0 ? c.total() : c.total().negate(),
                sign * c.nonAdditive(),
                sign * c.lowerBounds(),
                sign > 0 ? c.min() : null,
                sign > 0 ? c.max() : null);
    }

    private static AgencyChange agencyChange(Contribution c, int sign) {
        return new AgencyChange(
                c.agencyCell(),
                sign,
                sign * c.observations(),
                sign > 0 ? c.total() : c.total().negate(),
                sign * c.nonAdditive(),
                sign * c.lowerBounds());
    }

    private static CellChange plus(CellChange a, CellChange b) {
        return new CellChange(
                a.cell(),
                a.observations() + b.observations(),
                a.reports() + b.reports(),
                a.agencies() + b.agencies(),
                a.total().add(b.total()),
                a.nonAdditive() + b.nonAdditive(),
                a.lowerBounds() + b.lowerBounds(),
                least(a.min(), b.min()),
                greatest(a.max(), b.max()));
    }

    private static AgencyChange plus(AgencyChange a, AgencyChange b) {
        return new AgencyChange(
                a.key(),
                a.reports() + b.reports(),
                a.observations() + b.observations(),
                a.total().add(b.total()),
                a.nonAdditive() + b.nonAdditive(),
                a.lowerBounds() + b.lowerBounds());
    }

    private static BigDecimal least(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static BigDecimal greatest(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }
}
