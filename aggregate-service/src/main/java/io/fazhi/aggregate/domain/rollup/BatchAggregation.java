package io.fazhi.aggregate.domain.rollup;

import io.fazhi.aggregate.model.AgencyCellKey;
import io.fazhi.aggregate.model.CellAfter;
import io.fazhi.aggregate.model.CellChange;
import io.fazhi.aggregate.model.CellKey;
import io.fazhi.aggregate.model.CompletedRevision;
import io.fazhi.aggregate.model.CountAfter;
import io.fazhi.aggregate.model.ReportState;
import io.fazhi.aggregate.model.RevisionKey;
import io.fazhi.aggregate.model.RevisionRow;
import io.fazhi.aggregate.model.SectionCount;
import io.fazhi.aggregate.model.SectionKey;
import io.fazhi.aggregate.model.SliceCountKey;
import io.fazhi.aggregate.model.SliceMember;
import io.fazhi.aggregate.persistence.ContributionStore;
import io.fazhi.aggregate.persistence.FactStore;
import io.fazhi.aggregate.persistence.RevisionStore;
import io.fazhi.aggregate.persistence.RollupStore;
import io.fazhi.aggregate.persistence.SliceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies a batch of section events in one transaction: the facts of the events not applied before are written (the
 * stored section is the record that its event was applied); revisions whose last section arrived compete to become
 * their reports' current ones; for each report whose current revision changed, its contributions are replaced and
 * the difference is added to the rollup cells, the agency cells and the slice summaries. The cost is that of the
 * batch's reports, whatever the size of their slices. A dashboard never sees half a report; a redelivery changes
 * nothing.
 */
@ApplicationScoped
public class BatchAggregation {
    private final RevisionStore revisions;
    private final FactStore facts;
    private final ContributionStore contributions;
    private final RollupStore rollups;
    private final SliceStore slices;

    public BatchAggregation(
            RevisionStore revisions,
            FactStore facts,
            ContributionStore contributions,
            RollupStore rollups,
            SliceStore slices) {
        this.revisions = revisions;
        this.facts = facts;
        this.contributions = contributions;
        this.rollups = rollups;
        this.slices = slices;
    }

    @Transactional
    public BatchResult apply(List<SectionFacts> batch) {
        Map<SectionKey, SectionFacts> distinct = new LinkedHashMap<>();
        batch.forEach(f -> distinct.putIfAbsent(f.section().sectionKey(), f));
        Set<SectionKey> fresh = new HashSet<>(facts.insertNew(
                distinct.values().stream().map(SectionFacts::section).toList(),
                distinct.values().stream().flatMap(f -> f.metrics().stream()).toList()));
        List<SectionFacts> applied = new ArrayList<>();
        Set<RevisionKey> redelivered = new TreeSet<>();
        for (SectionFacts f : batch) {
            if (fresh.remove(f.section().sectionKey())) {
                applied.add(f);
            } else {
                redelivered.add(f.key());
            }
        }
        Map<RevisionKey, RevisionRow> rows = new TreeMap<>();
        Map<RevisionKey, int[]> counts = new TreeMap<>();
        for (SectionFacts f : applied) {
            rows.putIfAbsent(f.key(), f.revision());
            int[] c = counts.computeIfAbsent(f.key(), k -> new int[2]);
            c[0]++;
            c[1] += f.metrics().size();
        }
        revisions.insert(List.copyOf(rows.values()));
        List<CompletedRevision> completed = revisions.count(counts.entrySet().stream()
                .map(e -> new SectionCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList());
        if (!completed.isEmpty()) {
            makeCurrent(completed);
        }
        Set<RevisionKey> aggregated = new TreeSet<>();
        completed.forEach(c -> aggregated.add(c.key()));
        redelivered.removeAll(aggregated);
        aggregated.addAll(revisions.complete(redelivered));
        return new BatchResult(
                applied.size(), batch.size() - applied.size(), completed.size(), List.copyOf(aggregated));
    }

    /** Makes the newest completed revisions current where they are newer, and moves the rollups with them. */
    private void makeCurrent(List<CompletedRevision> completed) {
        Map<String, List<CompletedRevision>> byReport = new LinkedHashMap<>();
        completed.forEach(c -> byReport.computeIfAbsent(c.key().reportId(), k -> new ArrayList<>())
                .add(c));
        Map<String, ReportState> states = revisions.lockReports(byReport.keySet());
        List<RevisionKey> current = new ArrayList<>();
        List<SliceMember> leaving = new ArrayList<>();
        List<SliceMember> joining = new ArrayList<>();
        for (Map.Entry<String, List<CompletedRevision>> e : byReport.entrySet()) {
            ReportState state = states.get(e.getKey());
            Optional<CompletedRevision> chosen = RevisionChoice.choose(state, e.getValue());
            if (chosen.isPresent()) {
                current.add(chosen.get().key());
                if (!Objects.equals(state.counted(), chosen.get().member())) {
                    if (state.counted() != null) {
                        leaving.add(state.counted());
                    }
                    if (chosen.get().member() != null) {
                        joining.add(chosen.get().member());
                    }
                }
            }
        }
        if (current.isEmpty()) {
            return; // late extractions of older revisions: stored as history, not counted
        }
        revisions.setCurrent(current);
        ContributionStore.Replaced replaced = contributions.replace(
                current.stream().map(RevisionKey::reportId).toList());
        changeRollups(RollupArithmetic.difference(replaced.removed(), replaced.added()));
        changeSlices(SliceArithmetic.changes(leaving, joining));
    }

    private void changeRollups(RollupArithmetic.Difference d) {
        if (d.removed().isEmpty() && d.added().isEmpty()) {
            return;
        }
        List<CountAfter<AgencyCellKey>> agencies = rollups.addToAgencies(
                List.copyOf(RollupArithmetic.agencyChanges(d).values()));
        rollups.removeEmptyAgencies(RollupArithmetic.emptiedAgencies(agencies));
        Map<CellKey, CellChange> cellChanges = RollupArithmetic.cellChanges(d);
        List<CellAfter> after = rollups.addToCells(
                RollupArithmetic.withAgencies(cellChanges, RollupArithmetic.agencyCountChanges(agencies)));
        rollups.recomputeExtremes(RollupArithmetic.extremesTakenAway(d.removed(), after));
        rollups.removeEmptyCells(RollupArithmetic.emptiedCells(after));
    }

    private void changeSlices(SliceArithmetic.Changes c) {
        if (c.counts().isEmpty()) {
            return;
        }
        List<CountAfter<SliceCountKey>> agencies = slices.addToCounts(SliceStore.Distinct.AGENCIES, c.agencies());
        slices.removeEmptyCounts(SliceStore.Distinct.AGENCIES, SliceArithmetic.emptied(agencies));
        List<CountAfter<SliceCountKey>> districts = slices.addToCounts(SliceStore.Distinct.DISTRICTS, c.districts());
        slices.removeEmptyCounts(SliceStore.Distinct.DISTRICTS, SliceArithmetic.emptied(districts));
        slices.addToSummaries(SliceArithmetic.withDistinct(
                c.counts(), SliceArithmetic.distinctChanges(agencies), SliceArithmetic.distinctChanges(districts)));
    }
}
