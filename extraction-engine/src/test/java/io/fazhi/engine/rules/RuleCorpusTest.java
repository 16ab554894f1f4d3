package io.fazhi.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fazhi.engine.Explanation;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportInput;
import io.fazhi.engine.ReportMetadata;
import io.fazhi.engine.Section;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of every rule (the corpora in {@code src/main/resources/engine/corpus}) through the whole
 * engine, and checks that every rule of the catalogue has a positive and a negative example. The format is in the
 * corpus folder's README.
 */
class RuleCorpusTest {
    static final Path CORPUS = Path.of("src/main/resources/engine/corpus");
    private static final Extractor ENGINE = new Extractor();

    record Example(String file, int line, String rule, boolean positive, String text, Map<String, String> expect) {
        String name() {
            return rule + " " + (positive ? "+" : "-") + " " + text.replace("\n", "⏎") + " (" + file + ":" + line + ")";
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] c = line.split("\t", -1);
                    String where = f.getFileName() + ":" + (i + 1);
                    if (c.length < 3 || !(c[1].equals("+") || c[1].equals("-"))) {
                        fail(where + ": expected rule <TAB> +|- <TAB> text [<TAB> expectations]: " + line);
                    }
                    Map<String, String> expect = new LinkedHashMap<>();
                    if (c.length > 3 && !c[3].isBlank()) {
                        for (String kv : c[3].trim().split("\\s+")) {
                            int eq = kv.indexOf('=');
                            if (eq <= 0) {
                                fail(where + ": expectation is key=value: " + kv);
                            }
                            expect.put(kv.substring(0, eq), kv.substring(eq + 1));
                        }
                    }
                    all.add(new Example(
                            f.getFileName().toString(),
                            i + 1,
                            c[0].strip(),
                            c[1].equals("+"),
                            c[2].replace("\\n", "\n"),
                            expect));
                }
            }
        }
        return all;
    }

    @Test
    void everyRuleHasAPositiveAndANegativeExampleAndEveryExampleARule() throws IOException {
        List<Example> examples = examples();
        Map<String, int[]> counts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Example e : examples) {
            if (RuleCatalogue.byName(e.rule()) == null) {
                problems.add("unknown rule " + e.rule() + " at " + e.file() + ":" + e.line());
                continue;
            }
            if (!e.file()
                    .equals(Objects.requireNonNull(RuleCatalogue.byName(e.rule()))
                                    .stage() + ".tsv")) {
                problems.add(e.rule() + " belongs in "
                        + RuleCatalogue.byName(e.rule()).stage() + ".tsv, not " + e.file());
            }
            counts.computeIfAbsent(e.rule(), k -> new int[2])[e.positive() ? 0 : 1]++;
        }
        for (Rule r : RuleCatalogue.all()) {
            int[] c = counts.getOrDefault(r.name(), new int[2]);
            if (c[0] == 0 || c[1] == 0) {
                problems.add(r.name() + ": " + c[0] + " positive and " + c[1] + " negative examples");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleHolds() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> check(e)));
    }

    static void check(Example e) {
        Rule rule = RuleCatalogue.byName(e.rule());
        assertNotNull(rule, "unknown rule " + e.rule());
        Explanation x = ENGINE.explain(ReportInput.ofText(e.text()));
        List<Decision> fired =
                x.decisions().stream().filter(d -> d.rule().equals(rule)).toList();
        String firedRules = x.decisions().stream()
                .map(d -> d.rule().name() + "@" + d.start() + (d.detail() == null ? "" : " " + d.detail()))
                .collect(Collectors.joining("; "));
        if (e.positive()) {
            assertTrue(!fired.isEmpty(), "expected " + e.rule() + " to fire; fired: " + firedRules);
        } else {
            assertTrue(fired.isEmpty(), "expected " + e.rule() + " not to fire; fired: " + firedRules);
        }
        Decision at = fired.isEmpty() ? null : fired.get(0);
        Extraction ex = x.extraction();
        List<Metric> metrics = new ArrayList<>();
        for (Section s : ex.sections()) {
            metrics.addAll(s.metrics());
        }
        Metric metric = null;
        if (at != null) {
            for (Metric m : metrics) {
                if (at.overlaps(m.offset(), m.offset() + m.surface().length())) {
                    metric = m;
                    break;
                }
            }
        } else if (!metrics.isEmpty()) {
            metric = metrics.get(0);
        }
        for (Map.Entry<String, String> kv : e.expect().entrySet()) {
            String key = kv.getKey();
            String want = kv.getValue().equals("none") ? null : kv.getValue();
            String context = key + " in " + e.name() + "; metrics " + metrics + "; fired: " + firedRules;
            switch (key) {
                case "metrics" -> assertEquals(Integer.parseInt(want), metrics.size(), context);
                case "values" ->
                    assertEquals(
                            want,
                            metrics.stream().map(m -> m.value().toPlainString()).collect(Collectors.joining(",")),
                            context);
                case "value", "unit", "approx", "label", "indicator", "kind", "rollup" -> {
                    assertNotNull(metric, "no metric to check " + context);
                    String got = switch (key) {
                        case "value" -> metric.value().toPlainString();
                        case "unit" -> metric.unit();
                        case "approx" -> metric.approx();
                        case "label" -> metric.label();
                        case "indicator" -> metric.indicator();
                        case "kind" -> metric.unitKind();
                        default -> metric.rollupUnit();
                    };
                    if (key.equals("value") && want != null && got != null) {
                        assertEquals(0, new BigDecimal(want).compareTo(new BigDecimal(got)), context + ": got " + got);
                    } else {
                        assertEquals(want, got, context);
                    }
                }
                case "city", "district", "agency", "year", "published", "level", "title" -> {
                    ReportMetadata md = ex.metadata();
                    Object got = switch (key) {
                        case "city" -> md.city();
                        case "district" -> md.district();
                        case "agency" -> md.agency();
                        case "year" -> md.year();
                        case "published" -> md.published();
                        case "title" -> md.title();
                        default -> md.level();
                    };
                    assertEquals(want, got == null ? null : got.toString(), context);
                }
                case "headings" ->
                    assertEquals(Integer.parseInt(want), ex.sections().size() - 1, context);
                case "category" -> {
                    Section holding = ex.sections().get(ex.sections().size() - 1);
                    if (at != null) {
                        for (Section s : ex.sections()) {
                            if (s.offset() <= at.start()) {
                                holding = s;
                            }
                        }
                    }
                    assertEquals(want, holding.category(), context);
                }
                default -> fail("unknown expectation " + key + " in " + e.name());
            }
        }
    }
}
