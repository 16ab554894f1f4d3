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
        // the other rules, by start: each number looks only at those that can reach its span (linear in practice)
        List<Integer> byStart = new ArrayList<>();
        int longest = 0;
        for (int i = 0; i < decisions.size(); i++) {
            Decision o = decisions.get(i);
            if (!decisive(o)) {
                byStart.add(i);
                longest = Math.max(longest, o.end() - o.start());
            }
        }
        byStart.sort((a, b) ->
                Integer.compare(decisions.get(a).start(), decisions.get(b).start()));
        List<NumberExplained> numbers = new ArrayList<>();
        for (Decision d : decisions) {
            if (!decisive(d)) {
                continue;
            }
            boolean kept = d.rule().name().startsWith("metric.keep.");
            List<Integer> overlapping = new ArrayList<>();
            for (int k = firstStartingFrom(byStart, decisions, d.start() - longest);
                    k < byStart.size() && decisions.get(byStart.get(k)).start() <= Math.max(d.end(), d.start());
                    k++) {
                if (decisions.get(byStart.get(k)).overlaps(d.start(), d.end())) {
                    overlapping.add(byStart.get(k));
                }
            }
            overlapping.sort(null); // in the order the rules fired
            List<String> others = new ArrayList<>();
            for (int o : overlapping) {
                String name = decisions.get(o).rule().name();
                if (!others.contains(name)) {
                    others.add(name);
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

    /** The first position in {@code byStart} whose decision starts at or after {@code from}. */
    private static int firstStartingFrom(List<Integer> byStart, List<Decision> decisions, int from) {
        int lo = 0;
        int hi = byStart.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (decisions.get(byStart.get(mid)).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
