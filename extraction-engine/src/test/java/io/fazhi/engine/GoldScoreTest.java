package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores the engine against the hand-labelled samples in {@code deploy/samples} and prints, per report and
 * overall, metric precision and recall on (value, unit), label and category agreement on matched metrics, heading
 * recall and metadata agreement. Metrics are paired in document order by a weighted alignment (same value and
 * unit; an exact surface and a non-optional gold metric preferred), so repeated values pair with the right
 * occurrence. A pair with an optional gold metric counts neither way. Metadata is extracted without uploaded values.
 */
class GoldScoreTest {
    static final Path SAMPLES =
            Path.of(System.getProperty("user.dir")).resolve("../deploy/samples").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Extractor extractor = new Extractor();

    /** Counts for one report or for all. */
    static final class Score {
        int tp;
        int fp;
        int fn;
        int labelAgree;
        int categoryAgree;
        int headingsGold;
        int headingsFound;
        int headingsExtracted;
        int cityAgree;
        int districtAgree;
        int agencyAgree;
        int yearAgree;
        int publishedAgree;
        int reports;
        final List<String> notes = new ArrayList<>();

        void add(Score o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
            labelAgree += o.labelAgree;
            categoryAgree += o.categoryAgree;
            headingsGold += o.headingsGold;
            headingsFound += o.headingsFound;
            headingsExtracted += o.headingsExtracted;
            cityAgree += o.cityAgree;
            districtAgree += o.districtAgree;
            agencyAgree += o.agencyAgree;
            yearAgree += o.yearAgree;
            publishedAgree += o.publishedAgree;
            reports += o.reports;
        }

        double precision() {
            return ratio(tp, tp + fp);
        }

        double recall() {
            return ratio(tp, tp + fn);
        }

        double label() {
            return ratio(labelAgree, tp);
        }

        double category() {
            return ratio(categoryAgree, tp);
        }

        double headingRecall() {
            return ratio(headingsFound, headingsGold);
        }

        String line(String name) {
            return String.format(
                    Locale.ROOT,
                    "%-52s P %.3f (%d/%d)  R %.3f (%d/%d)  label %.3f  category %.3f  headings %.3f (%d/%d, %d extracted)"
                            + "  city %d/%d district %d/%d agency %d/%d year %d/%d published %d/%d",
                    name,
                    precision(),
                    tp,
                    tp + fp,
                    recall(),
                    tp,
                    tp + fn,
                    label(),
                    category(),
                    headingRecall(),
                    headingsFound,
                    headingsGold,
                    headingsExtracted,
                    cityAgree,
                    reports,
                    districtAgree,
                    reports,
                    agencyAgree,
                    reports,
                    yearAgree,
                    reports,
                    publishedAgree,
                    reports);
        }
    }

    static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    static String nfkc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    static List<Path> goldFiles() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".gold.json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void scoresAgainstGold() throws IOException {
        List<Path> golds = goldFiles();
        assertTrue(golds.size() >= 5, "gold files in " + SAMPLES);
        Score total = new Score();
        List<String> lines = new ArrayList<>();
        for (Path gold : golds) {
            String name = gold.getFileName().toString().replace(".gold.json", "");
            String text = Files.readString(SAMPLES.resolve(name + ".txt"), StandardCharsets.UTF_8);
            Score s = score(JSON.readTree(gold.toFile()), extractor.extract(ReportInput.ofText(text)));
            lines.add(s.line(name));
            total.add(s);
            if (!s.notes.isEmpty()) {
                System.out.println("---- " + name);
                s.notes.forEach(n -> System.out.println("  " + n));
            }
        }
        System.out.println("==== gold scores (engine " + extractor.version() + ")");
        lines.forEach(System.out::println);
        System.out.println(total.line("OVERALL"));

        assertTrue(total.precision() >= 0.98, "metric precision " + total.precision());
        assertTrue(total.recall() >= 0.97, "metric recall " + total.recall());
        assertTrue(total.label() >= 0.90, "label agreement " + total.label());
        assertTrue(total.category() >= 0.90, "category agreement " + total.category());
        assertTrue(total.headingRecall() >= 0.95, "heading recall " + total.headingRecall());
        assertTrue(total.cityAgree == total.reports, "city " + total.cityAgree + "/" + total.reports);
        assertTrue(total.yearAgree == total.reports, "year " + total.yearAgree + "/" + total.reports);
    }

    /** A metric as extracted, with the category of its section. */
    record Found(Metric metric, String category, String section) {}

    static Score score(JsonNode gold, Extraction x) {
        Score s = new Score();
        s.reports = 1;
        List<Found> found = new ArrayList<>();
        for (Section sec : x.sections()) {
            for (Metric m : sec.metrics()) {
                found.add(new Found(m, sec.category(), sec.heading()));
            }
        }
        List<JsonNode> goldMetrics = new ArrayList<>();
        gold.get("metrics").forEach(goldMetrics::add);
        int[] pairOf = align(goldMetrics, found);
        boolean[] used = new boolean[found.size()];
        for (int g = 0; g < goldMetrics.size(); g++) {
            JsonNode gm = goldMetrics.get(g);
            boolean optional = gm.path("optional").asBoolean(false);
            int f = pairOf[g];
            if (f < 0) {
                if (!optional) {
                    s.fn++;
                    s.notes.add("MISSED   " + gm.get("surface").asText() + " "
                            + gm.get("value").asText() + gm.get("unit").asText() + " ["
                            + gm.get("label").asText() + "]");
                }
                continue;
            }
            used[f] = true;
            if (optional) {
                continue;
            }
            s.tp++;
            Found fm = found.get(f);
            String goldLabel = nfkc(gm.get("label").asText());
            if (labelAgrees(goldLabel, fm.metric().label())) {
                s.labelAgree++;
            } else {
                s.notes.add("LABEL    " + fm.metric().surface() + " gold [" + goldLabel + "] got ["
                        + fm.metric().label() + "]");
            }
            if (gm.get("category").asText().equals(fm.category())) {
                s.categoryAgree++;
            } else {
                s.notes.add("CATEGORY " + fm.metric().surface() + " gold "
                        + gm.get("category").asText() + " got " + fm.category() + " in " + fm.section());
            }
        }
        for (int f = 0; f < found.size(); f++) {
            if (!used[f]) {
                s.fp++;
                Metric m = found.get(f).metric();
                s.notes.add("EXTRA    " + m.surface() + " " + m.value().toPlainString() + m.unit() + " [" + m.label()
                        + "] in: " + abbreviate(m.sentence()));
            }
        }
        // headings: gold headings found among the extracted ones, in order
        List<String> goldHeadings = new ArrayList<>();
        gold.get("sections").forEach(h -> goldHeadings.add(nfkc(h.get("heading").asText())));
        List<String> extracted = new ArrayList<>();
        for (Section sec : x.sections().subList(1, x.sections().size())) {
            extracted.add(nfkc(sec.heading()));
        }
        s.headingsGold = goldHeadings.size();
        s.headingsExtracted = extracted.size();
        s.headingsFound = lcs(goldHeadings, extracted);
        if (s.headingsFound < goldHeadings.size() || extracted.size() != goldHeadings.size()) {
            for (String h : goldHeadings) {
                if (!extracted.contains(h)) {
                    s.notes.add("HEADING- " + abbreviate(h));
                }
            }
            for (String h : extracted) {
                if (!goldHeadings.contains(h)) {
                    s.notes.add("HEADING+ " + abbreviate(h));
                }
            }
        }
        ReportMetadata md = x.metadata();
        s.cityAgree = agree(s, "city", gold.get("city"), md.city());
        s.districtAgree = agree(s, "district", gold.get("district"), md.district());
        s.agencyAgree = agree(s, "agency", gold.get("agency"), md.agency());
        s.yearAgree = agree(
                s,
                "year",
                gold.get("year"),
                md.year() == null ? null : md.year().toString());
        s.publishedAgree = agree(s, "published", gold.get("published"), md.published());
        return s;
    }

    private static int agree(Score s, String field, JsonNode gold, String got) {
        String want = gold == null || gold.isNull() ? null : nfkc(gold.asText());
        if (Objects.equals(want, nfkc(got))) {
            return 1;
        }
        s.notes.add("META     " + field + " gold " + want + " got " + got);
        return 0;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 70 ? s : s.substring(0, 70) + "…";
    }

    /** True when the labels share a contiguous run of at least half the gold label's characters. */
    static boolean labelAgrees(String gold, String got) {
        if (gold == null || gold.isEmpty()) {
            return true;
        }
        if (got == null || got.isEmpty()) {
            return false;
        }
        return 2 * longestCommonRun(gold, nfkc(got)) >= gold.length();
    }

    static int longestCommonRun(String a, String b) {
        int best = 0;
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }

    static String unit(String u) {
        String s = nfkc(u);
        return switch (s) {
            case "万元", "亿元" -> "元";
            case "工作日" -> "个工作日";
            default -> s;
        };
    }

    static boolean sameQuantity(JsonNode g, Metric m) {
        BigDecimal gv = new BigDecimal(g.get("value").asText());
        return gv.compareTo(m.value()) == 0 && unit(g.get("unit").asText()).equals(unit(m.unit()));
    }

    /**
     * Pairs gold and found metrics in document order: a weighted longest common subsequence where a pair needs the
     * same value and unit; an exact surface and a non-optional gold metric weigh more. Returns, per gold metric,
     * the index of its found metric or -1.
     */
    static int[] align(List<JsonNode> gold, List<Found> found) {
        int g = gold.size();
        int f = found.size();
        int[][] best = new int[g + 1][f + 1];
        for (int i = g - 1; i >= 0; i--) {
            for (int j = f - 1; j >= 0; j--) {
                int v = Math.max(best[i + 1][j], best[i][j + 1]);
                int w = weight(gold.get(i), found.get(j).metric());
                if (w > 0) {
                    v = Math.max(v, best[i + 1][j + 1] + w);
                }
                best[i][j] = v;
            }
        }
        int[] pair = new int[g];
        java.util.Arrays.fill(pair, -1);
        int i = 0;
        int j = 0;
        while (i < g && j < f) {
            int w = weight(gold.get(i), found.get(j).metric());
            if (w > 0 && best[i][j] == best[i + 1][j + 1] + w) {
                pair[i] = j;
                i++;
                j++;
            } else if (best[i][j] == best[i + 1][j]) {
                i++;
            } else {
                j++;
            }
        }
        return pair;
    }

    private static int weight(JsonNode g, Metric m) {
        if (!sameQuantity(g, m)) {
            return 0;
        }
        int w = g.path("optional").asBoolean(false) ? 2 : 4;
        if (nfkc(g.get("surface").asText()).equals(nfkc(m.surface()))) {
            w += 1;
        }
        return w;
    }

    static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
