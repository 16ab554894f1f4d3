package io.fazhi.deploy.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a sample of durations in milliseconds. */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

    public static Percentiles of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Percentiles(
                sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** The smallest value with at least {@code p} percent of the sample at or below it. */
    static long rank(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public String toString() {
        return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (n=%d)", p50, p95, p99, max, count);
    }
}
