package io.fazhi.engine;

import io.fazhi.engine.rules.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine decided about a text, and why: the extraction, every number the metric finder considered with
 * the rule that kept or dropped it, and every rule that fired.
 *
 * @param numbers   the numbers considered, in document order
 * @param decisions every rule that fired, in the order the stages fired them
 */
public record Explanation(Extraction extraction, List<NumberExplained> numbers, List<Decision> decisions) {

    /** Rules whose name starts with one of these decide whether a number is a metric. */
    private static final List<String> DECISIVE = List.of("metric.keep.", "metric.drop.", "metric.exclude.");

    /**
     * One number.
     *
     * @param kept      whether it became a metric
     * @param decidedBy the rule that kept or dropped it
     * @param reason    what that rule said
     * @param metric    the metric it became, or null
     * @param rules     the other rules that fired on its span (value, unit, approximation, label, indicator …)
     */
    public record NumberExplained(
            int start,
            int end,
            String surface,
            boolean kept,
            String decidedBy,
            String reason,
            Metric metric,
            List<String> rules) {}

    static Explanation of(Extraction extraction, List<Decision> decisions) {
        Map<Integer, Metric> metricsAt = new HashMap<>();
        for (Section s : extraction.sections()) {
            for (Metric m : s.metrics()) {
                metricsAt.put(m.offset(), m);
            }
        }
        String text = extraction.text() == null ? "" : extraction.text();
        List<NumberExplained> numbers = new ArrayList<>();
        for (Decision d : decisions) {
            if (!decisive(d)) {
                continue;
            }
            boolean kept = d.rule().name().startsWith("metric.keep.");
            List<String> others = new ArrayList<>();
            for (Decision o : decisions) {
                if (o != d
                        && !decisive(o)
                        && o.overlaps(d.start(), d.end())
                        && !others.contains(o.rule().name())) {
                    others.add(o.rule().name());
                }
            }
            int end = Math.min(d.end(), text.length());
            int start = Math.min(d.start(), end);
            numbers.add(new NumberExplained(
                    start,
                    end,
                    text.substring(start, end),
                    kept,
                    d.rule().name(),
                    d.detail(),
                    kept ? metricsAt.get(d.start()) : null,
                    List.copyOf(others)));
        }
        numbers.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new Explanation(extraction, List.copyOf(numbers), decisions);
    }

    private static boolean decisive(Decision d) {
        for (String prefix : DECISIVE) {
            if (d.rule().name().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
