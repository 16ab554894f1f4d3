package io.fazhi.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.Metric;
import io.fazhi.engine.rules.RecordingTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every word of the metric finder's data has an example: each measure word, approximation word, financial or
 * Traditional numeral, set phrase, ordinal and session word is in a corpus example of the rule that reads it (the
 * corpora run through the whole engine in {@code RuleCorpusTest}); each page-chrome word excludes the count after
 * it in the formats sites use.
 */
class DataCoverageTest {
    private static final Path CORPUS = Path.of("src/main/resources/engine/corpus");
    private static final MetricFinder FINDER = new MetricFinder();

    /** One corpus line: rule, sign, text, expectations. */
    private record Example(String rule, boolean positive, String text, String expect) {}

    private static List<Example> corpus() throws IOException {
        List<Example> all = new ArrayList<>();
        for (String file : List.of("metric.tsv", "number.tsv", "unit.tsv", "approx.tsv")) {
            for (String line : Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                all.add(new Example(c[0], c[1].equals("+"), c[2], c.length > 3 ? " " + c[3] + " " : ""));
            }
        }
        return all;
    }

    private static void assertEachHasAnExample(String what, List<String> words, Predicate<String> covered) {
        List<String> missing = words.stream().filter(covered.negate()).toList();
        assertTrue(missing.isEmpty(), what + " without an example: " + missing);
    }

    @Test
    void everyMeasureWordHasAnExampleOfItsOwn() throws IOException {
        List<Example> examples = corpus();
        List<String> measures = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        for (String[] r : EngineData.rows("units.tsv", 5)) {
            (r[1].equals("none") ? blockers : measures).add(r[0]);
        }
        assertEachHasAnExample(
                "measure words",
                measures,
                u -> examples.stream()
                        .anyMatch(e -> e.positive()
                                && e.rule().equals("unit.measure-word")
                                && e.text().contains(u)
                                && e.expect().contains(" unit=" + u + " ")));
        assertEachHasAnExample(
                "blocking words",
                blockers,
                u -> examples.stream()
                        .anyMatch(e -> e.positive()
                                && e.rule().equals("metric.drop.not-a-measure")
                                && e.text().contains(u)));
    }

    @Test
    void everyApproximationWordHasAnExample() throws IOException {
        List<Example> examples = corpus();
        List<String> words =
                EngineData.rows("approx-words.tsv", 3).stream().map(r -> r[0]).toList();
        assertEachHasAnExample(
                "approximation words",
                words,
                w -> examples.stream()
                        .anyMatch(e -> e.positive()
                                && e.rule().startsWith("approx.")
                                && e.text().contains(w)));
    }

    @Test
    void everyFinancialAndTraditionalNumeralHasAnExample() throws IOException {
        List<Example> examples = corpus();
        List<String> chars = EngineData.rows("numerals.tsv", 4).stream()
                .filter(r -> !r[3].equals("common"))
                .map(r -> r[0])
                .toList();
        assertEachHasAnExample(
                "numerals",
                chars,
                c -> examples.stream()
                        .anyMatch(e -> e.positive()
                                && (e.rule().equals("number.financial")
                                        || e.rule().equals("number.traditional-form"))
                                && e.text().contains(c)));
    }

    @Test
    void everySetPhraseHasAnExample() throws IOException {
        List<Example> examples = corpus();
        List<String> phrases = EngineData.lines("non-metric-phrases.txt").stream()
                .map(String::strip)
                .toList();
        assertEachHasAnExample(
                "set phrases",
                phrases,
                p -> examples.stream()
                        .anyMatch(e -> e.positive()
                                && e.rule().equals("metric.exclude.set-phrase")
                                && e.text().contains(p)));
    }

    @Test
    void everyOrdinalAndSessionWordHasAnExample() throws IOException {
        List<Example> examples = corpus();
        for (String[] r : EngineData.rows("ordinal-words.tsv", 2)) {
            boolean positive = !r[0].equals("not-rank");
            String rule = r[0].equals("per") ? "metric.exclude.per-unit" : "metric.exclude.ordinal";
            assertTrue(
                    examples.stream()
                            .anyMatch(e -> e.positive() == positive
                                    && e.rule().equals(rule)
                                    && e.text().contains(r[1])),
                    "ordinal word without an example: " + r[1]);
        }
        List<String> session =
                EngineData.rows("session-words.tsv", 2).stream().map(r -> r[1]).toList();
        assertEachHasAnExample(
                "session words",
                session,
                w -> examples.stream()
                        .anyMatch(e -> e.positive()
                                && e.rule().equals("metric.exclude.session-ordinal")
                                && e.text().contains(w)));
    }

    /**
     * Page chrome is removed by the normaliser near the ends of a text; in the middle of a long page (several
     * articles, a site's listing) it reaches the metric finder, which these cases feed directly.
     */
    @Test
    void everyPageChromeWordExcludesTheCountAfterIt() {
        List<String> problems = new ArrayList<>();
        for (String[] r : EngineData.rows("page-chrome.tsv", 2)) {
            List<String> texts = switch (r[0]) {
                case "counter" -> List.of(r[1] + ": 1234次", r[1] + ":1234人次", "【" + r[1] + " 56 次】");
                case "self" -> List.of("本文" + r[1] + "236次", "本页" + r[1] + " 18 次");
                default -> List.of(r[1] + " | 长者模式 | 在线服务12项", "首页 | " + r[1] + " | 已开通 3 项");
            };
            for (String text : texts) {
                RecordingTrace trace = new RecordingTrace();
                List<Metric> metrics = FINDER.find("第一段正文。\n" + text + "\n第二段正文。", trace);
                boolean fired = trace.decisions().stream().anyMatch(d -> d.rule() == Exclusions.PAGE_CHROME);
                if (!metrics.isEmpty() || !fired) {
                    problems.add(text + " -> " + metrics);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSameCountsInReportProseStayMetrics() {
        for (String text : List.of("政务网站全年浏览量达120万人次,同比增长15%。", "门户网站累计访问量为56789人次。", "开展适老化改造12项,惠及老年群众300人。")) {
            assertTrue(!FINDER.find(text).isEmpty(), text);
        }
    }
}
