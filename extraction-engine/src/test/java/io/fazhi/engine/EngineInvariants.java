package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

/** Invariants every extraction must satisfy, whatever the input. */
final class EngineInvariants {
    private static final Set<String> APPROX = Set.of("about", "more_than");

    private EngineInvariants() {}

    static void check(Extraction x) {
        assertNotNull(x);
        assertNotNull(x.metadata());
        assertNotNull(x.compliance());
        assertNotNull(x.warnings());
        String text = x.text();
        assertNotNull(text);
        List<Section> sections = x.sections();
        assertTrue(!sections.isEmpty(), "preamble present");
        Section preamble = sections.get(0);
        assertNull(preamble.heading());
        assertEquals(0, preamble.level());
        assertEquals("", preamble.path());
        assertEquals("other", preamble.category());
        int lastSectionOffset = -1;
        int lastMetricEnd = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            int from = s == 0 ? 0 : sec.offset();
            int to = s + 1 < sections.size() ? sections.get(s + 1).offset() : text.length();
            assertTrue(Categoriser.CATEGORIES.contains(sec.category()), "category " + sec.category());
            if (s > 0) {
                assertTrue(sec.offset() > lastSectionOffset, "sections in order");
                assertTrue(sec.offset() >= 0 && sec.offset() < text.length(), "section offset in bounds");
                assertTrue(sec.level() >= 1 && sec.level() <= 4, "level " + sec.level());
                assertNotNull(sec.heading());
                assertTrue(!sec.heading().isEmpty());
                assertTrue(!sec.path().isEmpty());
                lastSectionOffset = sec.offset();
            }
            for (Metric m : sec.metrics()) {
                assertNotNull(m.value());
                assertNotNull(m.unit());
                assertNotNull(m.surface());
                assertTrue(m.approx() == null || APPROX.contains(m.approx()), "approx " + m.approx());
                int end = m.offset() + m.surface().length();
                assertTrue(m.offset() >= 0 && end <= text.length(), "metric in bounds");
                assertEquals(m.surface(), text.substring(m.offset(), end), "surface equals the text at its offset");
                assertTrue(m.offset() >= from && m.offset() < Math.max(to, from + 1), "metric inside its section");
                assertTrue(m.offset() >= lastMetricEnd, "metrics in order, not overlapping");
                lastMetricEnd = end;
                assertTrue(
                        m.label() == null
                                || (m.label().length() >= 2 && m.label().length() <= 10),
                        "label " + m.label());
            }
        }
    }
}
