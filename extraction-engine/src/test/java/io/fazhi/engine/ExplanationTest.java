package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    private static final Extractor ENGINE = new Extractor();

    private static Explanation.NumberExplained at(Explanation x, String surface) {
        return x.numbers().stream()
                .filter(n -> n.surface().equals(surface))
                .findFirst()
                .orElseThrow(() -> new AssertionError(surface + " not in " + x.numbers()));
    }

    @Test
    void eachNumberCarriesTheRuleThatDecidedAndOnlyTheRulesOnItsOwnSpan() {
        String text = "2023年共受理复议申请约45件,办结一千三件,资金12.5 万元,满意率百分之九十八。";
        Explanation x = ENGINE.explain(ReportInput.ofText(text));

        Explanation.NumberExplained year = at(x, "2023年");
        assertFalse(year.kept());
        assertEquals("metric.exclude.year", year.decidedBy());
        assertNull(year.metric());

        Explanation.NumberExplained cases = at(x, "45件");
        assertTrue(cases.kept());
        assertEquals("metric.keep.measure-word", cases.decidedBy());
        assertTrue(cases.rules().contains("approx.before-word"), cases.rules().toString());
        assertFalse(cases.rules().contains("number.colloquial-tail"), "a neighbour's rule: " + cases.rules());

        Explanation.NumberExplained colloquial = at(x, "一千三件");
        assertEquals(0, colloquial.metric().value().intValue() - 1300);
        assertTrue(colloquial.rules().containsAll(List.of("number.chinese", "number.colloquial-tail")));
        assertFalse(
                colloquial.rules().contains("approx.before-word"),
                colloquial.rules().toString());

        assertTrue(at(x, "12.5 万元").rules().contains("number.spaced-multiplier"));
        assertEquals("metric.keep.percent-words", at(x, "百分之九十八").decidedBy());
        assertEquals(
                4,
                x.numbers().stream().filter(Explanation.NumberExplained::kept).count());
    }
}
