package io.fazhi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores indicator assignment against gold labels the way aggregate-service rolls metrics up: a metric with an
 * indicator falls into the cell (city, year, indicator, rollup unit) of its report's city and year; one without is a
 * singleton. B-cubed over the gold metrics that have a gold indicator: precision(m) = |cell(m) ∩ gold(m)| /
 * |cell(m)|, recall(m) = |cell(m) ∩ gold(m)| / |gold(m)|, where gold(m) is the metrics of the same city and year with
 * the same gold indicator. Gold metrics without an indicator and extracted metrics no gold metric pairs with still sit
 * in the cells and lower the precision of the others; optional gold metrics count neither way. Coverage is the share
 * of gold-indicator metrics that land in a cell. Label agreement ({@link GoldScoreTest#labelAgrees}) and whether
 * each label is a run of whole words of its sentence are counted over the paired metrics.
 */
final class IndicatorScoring {
    /** One report: its gold file and what the engine extracted from its text. */
    record Report(String name, JsonNode gold, Extraction extraction) {}

    /** A metric of the scoring: its gold indicator (or none, for an extra), its cell, its report. */
    private record Element(String report, String cityYear, String goldIndicator, String cell, boolean gold) {}

    /** Sums for one report or for all. */
    static final class Sums {
        double precision;
        double recall;
        int scored;
        int covered;
        int labelled;
        int labelAgree;
        final List<String> notes = new ArrayList<>();

        double p() {
            return scored == 0 ? 1.0 : precision / scored;
        }

        double r() {
            return scored == 0 ? 1.0 : recall / scored;
        }

        double f1() {
            return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
        }

        double coverage() {
            return scored == 0 ? 1.0 : (double) covered / scored;
        }

        double labels() {
            return labelled == 0 ? 1.0 : (double) labelAgree / labelled;
        }

        String line(String name) {
            return String.format(
                    Locale.ROOT,
                    "%-52s B-cubed P %.3f R %.3f F1 %.3f  coverage %.3f (%d/%d)  label %.3f (%d/%d)",
                    name,
                    p(),
                    r(),
                    f1(),
                    coverage(),
                    covered,
                    scored,
                    labels(),
                    labelAgree,
                    labelled);
        }
    }

    /** The scores: per report, in the order given, and overall. */
    record Result(Map<String, Sums> reports, Sums overall) {
        void print(String title) {
            System.out.println("==== " + title);
            reports.forEach((name, s) -> {
                if (!s.notes.isEmpty()) {
                    System.out.println("---- " + name);
                    s.notes.forEach(n -> System.out.println("  " + n));
                }
            });
            reports.forEach((name, s) -> System.out.println(s.line(name)));
            System.out.println(overall.line("OVERALL"));
        }
    }

    private IndicatorScoring() {}

    static Result scoreAndPrint(List<Report> reports, String title) {
        Result r = score(reports);
        r.print(title);
        return r;
    }

    static Result score(List<Report> reports) {
        List<Element> elements = new ArrayList<>();
        Map<String, Sums> sums = new LinkedHashMap<>();
        for (Report r : reports) {
            Sums s = new Sums();
            sums.put(r.name(), s);
            JsonNode gold = r.gold();
            String cityYear =
                    gold.path("city").asText("") + "/" + gold.path("year").asText("");
            List<GoldScoreTest.Found> found = new ArrayList<>();
            for (Section sec : r.extraction().sections()) {
                for (Metric m : sec.metrics()) {
                    found.add(new GoldScoreTest.Found(m, sec.category(), sec.heading()));
                }
            }
            List<JsonNode> goldMetrics = new ArrayList<>();
            gold.get("metrics").forEach(goldMetrics::add);
            int[] pairOf = GoldScoreTest.align(goldMetrics, found);
            boolean[] used = new boolean[found.size()];
            for (int g = 0; g < goldMetrics.size(); g++) {
                JsonNode gm = goldMetrics.get(g);
                int f = pairOf[g];
                if (f >= 0) {
                    used[f] = true;
                }
                if (gm.path("optional").asBoolean(false)) {
                    continue;
                }
                String want =
                        gm.path("indicator").isNull() || gm.path("indicator").isMissingNode()
                                ? null
                                : gm.get("indicator").asText();
                Metric m = f < 0 ? null : found.get(f).metric();
                String cell = m == null || m.indicator() == null
                        ? null
                        : cityYear + "/" + m.indicator() + "/" + m.rollupUnit();
                elements.add(new Element(r.name(), cityYear, want, cell, true));
                if (m != null) {
                    String goldLabel = GoldScoreTest.nfkc(gm.get("label").asText());
                    s.labelled++;
                    boolean agrees = GoldScoreTest.labelAgrees(goldLabel, m.label());
                    boolean whole = m.label() == null || wholeWords(m.label(), m.sentence());
                    if (agrees && whole) {
                        s.labelAgree++;
                    } else {
                        s.notes.add("LABEL     " + m.surface() + " gold [" + goldLabel + "] got [" + m.label() + "]"
                                + (whole ? "" : " (not whole words)"));
                    }
                }
                if (!Objects.equals(want, m == null ? null : m.indicator())) {
                    s.notes.add("INDICATOR " + gm.get("surface").asText() + " ["
                            + gm.get("label").asText() + "] gold " + want + " got "
                            + (m == null ? "(missed)" : m.indicator() + " " + m.rollupUnit()));
                }
            }
            for (int f = 0; f < found.size(); f++) {
                Metric m = found.get(f).metric();
                if (!used[f] && m.indicator() != null) {
                    elements.add(new Element(
                            r.name(), cityYear, null, cityYear + "/" + m.indicator() + "/" + m.rollupUnit(), false));
                }
            }
        }
        Map<String, Integer> cellSize = new HashMap<>();
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (Element e : elements) {
            if (e.cell() != null) {
                cellSize.merge(e.cell(), 1, Integer::sum);
            }
            if (e.goldIndicator() != null) {
                goldSize.merge(e.cityYear() + "/" + e.goldIndicator(), 1, Integer::sum);
                if (e.cell() != null) {
                    both.merge(e.cell() + "|" + e.goldIndicator(), 1, Integer::sum);
                }
            }
        }
        Sums overall = new Sums();
        for (Element e : elements) {
            if (!e.gold() || e.goldIndicator() == null) {
                continue;
            }
            int gs = goldSize.get(e.cityYear() + "/" + e.goldIndicator());
            double p;
            double rc;
            if (e.cell() == null) {
                p = 1.0;
                rc = 1.0 / gs;
            } else {
                int inter = both.getOrDefault(e.cell() + "|" + e.goldIndicator(), 0);
                p = (double) inter / cellSize.get(e.cell());
                rc = (double) inter / gs;
            }
            for (Sums s : List.of(sums.get(e.report()), overall)) {
                s.precision += p;
                s.recall += rc;
                s.scored++;
                s.covered += e.cell() == null ? 0 : 1;
            }
        }
        for (Sums s : sums.values()) {
            overall.labelled += s.labelled;
            overall.labelAgree += s.labelAgree;
        }
        return new Result(sums, overall);
    }

    /**
     * Whether a label is a run of whole words of its sentence: it occurs in the sentence and neither starts inside nor
     * ends inside a word, as the engine's segmenter splits the sentence.
     */
    static boolean wholeWords(String label, String sentence) {
        if (sentence == null) {
            return false;
        }
        return Labeller.isWholeWords(label, sentence);
    }
}
