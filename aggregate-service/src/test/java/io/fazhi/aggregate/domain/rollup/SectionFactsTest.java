package io.fazhi.aggregate.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.aggregate.model.SliceKey;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.kafka.EventDecoder;
import io.fazhi.kafka.PoisonMessageException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events of schema 1 and 2 as stored rows, and the events that break the contract (poison). */
class SectionFactsTest {
    static final ReportInfo INFO = new ReportInfo(
            "  ",
            "江门市",
            "",
            "bureau",
            2019,
            "2020-03-31",
            "标题",
            new ReportInfo.Compliance(true, true, true, true, true),
            List.of());

    static SectionExtracted event(int index, int count, List<MetricFact> metrics) {
        return new SectionExtracted(
                2,
                SectionExtracted.eventId("r1", 1, "e1", index),
                "r1",
                1,
                index,
                count,
                "e1",
                INFO,
                new SectionExtracted.Section("(一)标题", 2, "1.1", "law_enforcement", 10),
                metrics,
                false);
    }

    static MetricFact metric(String value, String unit, String indicator, String kind, String rollupUnit) {
        return new MetricFact(
                new BigDecimal(value), unit, null, "行政处罚案件", indicator, kind, rollupUnit, value + unit, "s", 3);
    }

    @Test
    void anEventBecomesItsRows() {
        SectionFacts f = SectionFacts.of(event(1, 2, List.of(metric("12", "宗", "penalty_cases", "count", "件"))));
        assertEquals("r1/1/e1/1", f.eventId());
        assertNull(f.revision().agency(), "a blank agency is none");
        assertNull(f.revision().district(), "a blank district is the whole city");
        assertEquals(new SliceKey("江门市", 2019), f.revision().slice());
        assertTrue(f.revision().publishedOnTime());
        assertEquals("law_enforcement", f.metrics().get(0).category());
        assertEquals("件", f.metrics().get(0).rollupUnit());
        assertEquals("宗", f.metrics().get(0).unit());
        assertEquals(1, f.section().index());
    }

    @Test
    void aSchema1EventIsAFactWithoutIndicator() throws Exception {
        String v1 = """
                {"schemaVersion":1,"eventId":"r1/1/e0/0","reportId":"r1","revision":1,"sectionIndex":0,
                 "sectionCount":1,"extractorVersion":"e0","report":{"city":"江门市","year":2019},
                 "section":{"heading":null,"level":0,"path":"","category":"other","offset":0},
                 "metrics":[{"value":168,"unit":"件","approx":null,"label":"外资备案手续","metricKey":"filings",
                             "surface":"168件","sentence":"办理外资备案手续168件。","offset":5}]}
                """;
        EventDecoder decoder =
                new EventDecoder(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        SectionFacts f = SectionFacts.of(decoder.decode(v1, SectionExtracted.class, SectionExtracted.SCHEMA_VERSION));
        assertNull(f.metrics().get(0).indicator(), "a v1 metric key is no indicator");
        assertNull(f.metrics().get(0).unitKind());
        assertEquals("件", f.metrics().get(0).rollupUnit());
        assertFalse(f.revision().withdrawn());
    }

    @Test
    void anUnknownCityOrYearCountsInTheUnknownSlice() {
        SectionExtracted e = event(0, 1, List.of());
        SectionExtracted noInfo =
                new SectionExtracted(2, e.eventId(), "r1", 1, 0, 1, "e1", null, e.section(), null, false);
        assertEquals(
                new SliceKey(SliceKey.UNKNOWN_CITY, SliceKey.UNKNOWN_YEAR),
                SectionFacts.of(noInfo).revision().slice());
    }

    @Test
    void anEventThatBreaksTheContractIsPoison() {
        assertPoison(event(2, 2, List.of()), "sectionIndex");
        assertPoison(event(0, 1, List.of(metric("1", " ", null, null, null))), "no unit");
        assertPoison(
                new SectionExtracted(
                        2,
                        "x",
                        "r1",
                        1,
                        0,
                        1,
                        "e1",
                        INFO,
                        event(0, 1, List.of()).section(),
                        List.of(),
                        false),
                "eventId");
        assertPoison(
                new SectionExtracted(
                        2,
                        SectionExtracted.eventId("r1", 1, "e1", 0),
                        "r1",
                        1,
                        0,
                        1,
                        "e1",
                        INFO,
                        null,
                        List.of(),
                        false),
                "no section");
    }

    @Test
    void aWithdrawalIsOneEmptySection() {
        SectionExtracted w = new SectionExtracted(
                2, SectionExtracted.eventId("r1", 3, "e1", 0), "r1", 3, 0, 1, "e1", INFO, null, List.of(), true);
        SectionFacts f = SectionFacts.of(w);
        assertTrue(f.revision().withdrawn());
        assertTrue(f.metrics().isEmpty());
        assertEquals("other", f.section().category());
    }

    private static void assertPoison(SectionExtracted e, String problem) {
        PoisonMessageException p = assertThrows(PoisonMessageException.class, () -> SectionFacts.of(e));
        assertTrue(p.getMessage().contains(problem), p.getMessage());
    }
}
