package io.fazhi.aggregate.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.model.AgencyCellKey;
import io.fazhi.aggregate.model.CellAfter;
import io.fazhi.aggregate.model.CellChange;
import io.fazhi.aggregate.model.CellKey;
import io.fazhi.aggregate.model.Contribution;
import io.fazhi.aggregate.model.CountAfter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic on its own, and against a recompute: replacing the contributions of random reports again and
 * again, cells maintained by the arithmetic (applied as the SQL applies it) always equal cells recomputed from the
 * contributions in force.
 */
class RollupArithmeticTest {
    static final CellKey CITY = new CellKey("江门市", 2022, CellKey.WHOLE_CITY, "licensing_handled", "件");
    static final CellKey OTHER = new CellKey("江门市", 2022, CellKey.WHOLE_CITY, "penalty_cases", "件");

    static Contribution c(CellKey cell, String report, String agency, int n, String total, String min, String max) {
        return new Contribution(
                cell, report, agency, n, new BigDecimal(total), 0, 0, new BigDecimal(min), new BigDecimal(max));
    }

    @Test
    void addingAndTakingAwayCountsReportsAndTotals() {
        var d = RollupArithmetic.difference(
                List.of(c(CITY, "r1", "司法局", 2, "30", "10", "20")),
                List.of(c(CITY, "r1", "司法局", 1, "50", "50", "50"), c(OTHER, "r1", "司法局", 1, "7", "7", "7")));
        Map<CellKey, CellChange> changes = RollupArithmetic.cellChanges(d);
        CellChange city = changes.get(CITY);
        assertEquals(-1, city.observations());
        assertEquals(0, city.reports(), "the report still counts in the cell");
        assertEquals(0, new BigDecimal("20").compareTo(city.total()));
        assertEquals(new BigDecimal("50"), city.min(), "the extremes of what is added");
        assertEquals(1, changes.get(OTHER).reports());
    }

    @Test
    void anEqualContributionChangesNothing() {
        Contribution same = c(CITY, "r1", "司法局", 2, "30", "10", "20");
        var d = RollupArithmetic.difference(List.of(same), List.of(same));
        assertTrue(d.removed().isEmpty() && d.added().isEmpty());
        assertTrue(RollupArithmetic.cellChanges(d).isEmpty());
    }

    @Test
    void agenciesCountWhenTheirCellStartsOrStopsCounting() {
        AgencyCellKey a = new AgencyCellKey(CITY, "司法局");
        AgencyCellKey b = new AgencyCellKey(CITY, "财政局");
        AgencyCellKey c = new AgencyCellKey(CITY, "教育局");
        Map<CellKey, Integer> changes = RollupArithmetic.agencyCountChanges(List.of(
                new CountAfter<>(a, 1, true), // new agency in the cell
                new CountAfter<>(b, 0, false), // its last report left
                new CountAfter<>(c, 2, false))); // one more report of a known agency
        assertEquals(0, changes.getOrDefault(CITY, 0));
        assertEquals(Set.of(b), RollupArithmetic.emptiedAgencies(List.of(new CountAfter<>(b, 0, false))));
        assertEquals(
                1,
                RollupArithmetic.agencyCountChanges(List.of(new CountAfter<>(a, 1, true)))
                        .get(CITY));
    }

    @Test
    void anExtremeIsRecomputedOnlyWhereItWasTakenAway() {
        Contribution heldMin = c(CITY, "r1", "a", 1, "10", "10", "10");
        Contribution inside = c(OTHER, "r2", "b", 1, "50", "50", "50");
        Set<CellKey> cells = RollupArithmetic.extremesTakenAway(
                List.of(heldMin, inside),
                List.of(
                        new CellAfter(CITY, 3, new BigDecimal("10"), new BigDecimal("90")),
                        new CellAfter(OTHER, 3, new BigDecimal("20"), new BigDecimal("90"))));
        assertEquals(Set.of(CITY), cells);
        assertTrue(
                RollupArithmetic.extremesTakenAway(List.of(heldMin), List.of(new CellAfter(CITY, 0, null, null)))
                        .isEmpty(),
                "an emptied cell is removed, not recomputed");
    }

    /** One cell as the table holds it. */
    record Cell(int observations, int reports, int agencies, BigDecimal total, BigDecimal min, BigDecimal max) {}

    @Test
    void incrementalEqualsRecomputeOverRandomReplacements() {
        Random rnd = new Random(7);
        CellKey[] cellKeys = {
            CITY,
            OTHER,
            new CellKey("江门市", 2022, "新会区", "licensing_handled", "件"),
            new CellKey("江门市", 2022, "蓬江区", "licensing_handled", "件")
        };
        String[] agencies = {"司法局", "财政局", "教育局"};
        Map<String, List<Contribution>> current = new HashMap<>();
        Map<CellKey, Cell> table = new TreeMap<>();
        Map<AgencyCellKey, Integer> agencyRefs = new TreeMap<>();
        for (int step = 0; step < 2000; step++) {
            String report = "r" + rnd.nextInt(12);
            List<Contribution> next = new ArrayList<>();
            if (rnd.nextInt(6) > 0) { // sometimes the report is withdrawn: no contribution
                String agency = agencies[rnd.nextInt(agencies.length)];
                for (CellKey k : cellKeys) {
                    if (rnd.nextBoolean()) {
                        int n = 1 + rnd.nextInt(3);
                        int lo = rnd.nextInt(100);
                        int hi = lo + rnd.nextInt(100);
                        next.add(c(
                                k, report, agency, n, String.valueOf(lo + hi), String.valueOf(lo), String.valueOf(hi)));
                    }
                }
            }
            List<Contribution> previous = current.getOrDefault(report, List.of());
            current.put(report, next);
            apply(RollupArithmetic.difference(previous, next), table, agencyRefs, current);
            assertEquals(recompute(current), table, "after step " + step);
        }
    }

    /** What the incremental SQL does with the arithmetic's results. */
    private static void apply(
            RollupArithmetic.Difference d,
            Map<CellKey, Cell> table,
            Map<AgencyCellKey, Integer> agencyRefs,
            Map<String, List<Contribution>> current) {
        List<CountAfter<AgencyCellKey>> agencyAfter = new ArrayList<>();
        RollupArithmetic.agencyChanges(d).forEach((k, ch) -> {
            boolean created = !agencyRefs.containsKey(k);
            int count = agencyRefs.getOrDefault(k, 0) + ch.reports();
            agencyRefs.put(k, count);
            agencyAfter.add(new CountAfter<>(k, count, created));
        });
        RollupArithmetic.emptiedAgencies(agencyAfter).forEach(agencyRefs::remove);
        List<CellAfter> after = new ArrayList<>();
        for (CellChange ch : RollupArithmetic.withAgencies(
                RollupArithmetic.cellChanges(d), RollupArithmetic.agencyCountChanges(agencyAfter))) {
            Cell old = table.getOrDefault(ch.cell(), new Cell(0, 0, 0, BigDecimal.ZERO, null, null));
            Cell now = new Cell(
                    old.observations() + ch.observations(),
                    old.reports() + ch.reports(),
                    old.agencies() + ch.agencies(),
                    old.total().add(ch.total()),
                    least(old.min(), ch.min()),
                    greatest(old.max(), ch.max()));
            table.put(ch.cell(), now);
            after.add(new CellAfter(ch.cell(), now.reports(), now.min(), now.max()));
        }
        for (CellKey k : RollupArithmetic.extremesTakenAway(d.removed(), after)) {
            List<Contribution> in = inCell(current, k);
            Cell old = table.get(k);
            table.put(
                    k, new Cell(old.observations(), old.reports(), old.agencies(), old.total(), minOf(in), maxOf(in)));
        }
        RollupArithmetic.emptiedCells(after).forEach(table::remove);
    }

    private static Map<CellKey, Cell> recompute(Map<String, List<Contribution>> current) {
        Map<CellKey, Cell> cells = new TreeMap<>();
        current.values().stream()
                .flatMap(List::stream)
                .map(Contribution::cell)
                .distinct()
                .forEach(k -> {
                    List<Contribution> in = inCell(current, k);
                    cells.put(
                            k,
                            new Cell(
                                    in.stream()
                                            .mapToInt(Contribution::observations)
                                            .sum(),
                                    in.size(),
                                    (int) in.stream()
                                            .map(Contribution::agency)
                                            .distinct()
                                            .count(),
                                    in.stream().map(Contribution::total).reduce(BigDecimal.ZERO, BigDecimal::add),
                                    minOf(in),
                                    maxOf(in)));
                });
        return cells;
    }

    private static BigDecimal minOf(List<Contribution> in) {
        return in.stream().map(Contribution::min).reduce(BigDecimal::min).orElseThrow();
    }

    private static BigDecimal maxOf(List<Contribution> in) {
        return in.stream().map(Contribution::max).reduce(BigDecimal::max).orElseThrow();
    }

    private static List<Contribution> inCell(Map<String, List<Contribution>> current, CellKey k) {
        return current.values().stream()
                .flatMap(List::stream)
                .filter(c -> c.cell().equals(k))
                .collect(Collectors.toList());
    }

    private static BigDecimal least(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static BigDecimal greatest(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }
}
