package io.fazhi.deploy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOfOneToAHundred() {
        List<Long> sample = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            sample.add(i);
        }
        Collections.shuffle(sample);
        Percentiles p = Percentiles.of(sample);
        assertEquals(50, p.p50());
        assertEquals(95, p.p95());
        assertEquals(99, p.p99());
        assertEquals(100, p.max());
        assertEquals(100, p.count());
    }

    @Test
    void smallAndEmptySamples() {
        assertEquals(7, Percentiles.of(List.of(7L)).p99());
        Percentiles two = Percentiles.of(List.of(10L, 20L));
        assertEquals(10, two.p50());
        assertEquals(20, two.p95());
        assertEquals(0, Percentiles.of(List.of()).count());
    }
}
