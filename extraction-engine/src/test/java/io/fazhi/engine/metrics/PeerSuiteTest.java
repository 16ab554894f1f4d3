package io.fazhi.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.engine.Extractor;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportInput;
import io.fazhi.engine.Section;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Chinese numeral cases of Microsoft Recognizers-Text's own specification (MIT licence; the file keeps its
 * attribution), each run as a sentence of a report through the whole engine ({@link Extractor#extract}): a numeral
 * followed by a measure word in a few report-like sentences (a count, money, people), a percentage as a rate. Every
 * case must yield exactly one metric with the specification's value, the unit of the sentence, {@code more_than}
 * where the input has 余, 多 or 几, and a surface of the numeral and its unit (the engine's text is Simplified, so a
 * Traditional 萬 is compared by position). Deliberate deviations are listed in {@link #DEVIATIONS} with their reason.
 */
class PeerSuiteTest {
    private static final String SUITE = "/peer-suites/recognizers-text-zh-numbers.tsv";
    private static final Extractor ENGINE = new Extractor();
    private static final String REPORT_HEAD = "某市司法局2023年法治政府建设年度报告\n一、主要举措和成效\n";

    /** A sentence of a report with the numeral in it, and the unit the metric must carry. */
    private record Template(String before, String after, String unit) {}

    private static final List<Template> QUANTITIES = List.of(
            new Template("全年共受理行政复议申请", ",均已依法办结。", "件"),
            new Template("全年投入法治宣传经费", ",用于普法阵地建设。", "元"),
            new Template("组织行政执法人员集中培训,参训", "。", "人次"));

    private static final List<Template> RATES =
            List.of(new Template("行政复议案件办结率为", ",同比有所提升。", "%"), new Template("群众对窗口服务的满意率达到", "。", "%"));

    /**
     * Cases the engine deliberately reads otherwise than the specification, with the reason. Empty: every case of
     * the suite is a quantity a report may write, and the engine reads each as the specification does.
     */
    static final Map<String, String> DEVIATIONS = Map.of();

    /** One case of the suite. */
    record Case(int line, String input, BigDecimal value, String approx) {
        boolean rate() {
            return input.endsWith("%") || input.startsWith("百分之");
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(PeerSuiteTest.class.getResourceAsStream(SUITE), SUITE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int no = 0;
            for (String line; (line = r.readLine()) != null; ) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                String approx = c.length > 2 && !c[2].isBlank() ? c[2].strip() : null;
                cases.add(new Case(no, c[0].strip(), new BigDecimal(c[1].strip()), approx));
            }
        }
        return cases;
    }

    /** Why the case fails in one of its sentences, or null when it passes in all of them. */
    static String failure(Case c) {
        for (Template t : c.rate() ? RATES : QUANTITIES) {
            String sentence = t.before() + c.input() + (c.rate() ? "" : t.unit()) + t.after();
            List<Metric> metrics = new ArrayList<>();
            for (Section s :
                    ENGINE.extract(ReportInput.ofText(REPORT_HEAD + sentence)).sections()) {
                metrics.addAll(s.metrics());
            }
            if (metrics.size() != 1) {
                return sentence + ": " + metrics.size() + " metrics " + metrics;
            }
            Metric m = metrics.get(0);
            if (m.value().compareTo(c.value()) != 0
                    || !t.unit().equals(m.unit())
                    || !Objects.equals(c.approx(), m.approx())
                    || m.surface().length()
                            != c.input().length() + (c.rate() ? 0 : t.unit().length())) {
                return sentence + ": got " + m.value().toPlainString() + " " + m.unit() + " approx " + m.approx()
                        + " surface " + m.surface() + "; want " + c.value().toPlainString() + " " + t.unit()
                        + " approx " + c.approx();
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseReadsAsTheSpecificationSaysInReportSentences() throws IOException {
        return cases().stream()
                .filter(c -> !DEVIATIONS.containsKey(c.input()))
                .map(c -> DynamicTest.dynamicTest(c.line() + " " + c.input(), () -> {
                    String why = failure(c);
                    assertTrue(why == null, why);
                }));
    }

    @Test
    void theSuiteIsWholeAndTheScoreIsPrinted() throws IOException {
        List<Case> cases = cases();
        assertEquals(134, cases.size(), "cases in " + SUITE);
        int pass = 0;
        for (Case c : cases) {
            if (failure(c) == null) {
                pass++;
            }
        }
        System.out.println("==== peer suite (Recognizers-Text zh numbers): " + pass + "/" + cases.size() + " pass, "
                + DEVIATIONS.size() + " deliberate deviations");
        for (String input : DEVIATIONS.keySet()) {
            assertTrue(cases.stream().anyMatch(c -> c.input().equals(input)), "a deviation names no case: " + input);
        }
    }
}
