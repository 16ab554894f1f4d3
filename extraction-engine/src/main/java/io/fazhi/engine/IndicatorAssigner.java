package io.fazhi.engine;

import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.List;

/**
 * Which canonical indicator (contracts {@code indicators.tsv}) a metric measures, or none: decided from the metric's
 * clause and its section. INTERIM: still the label-word lookup of engine 1.x ({@link MetricKeys}); to be replaced
 * by indicator rules that read the clause and the heading path.
 */
public final class IndicatorAssigner {
    static final Rule LABEL_WORD = RuleCatalogue.define(
            "indicator.interim-label-word",
            "INTERIM: the first row of metric-keys.tsv whose unit kind fits and whose word the label holds");

    /**
     * Where a metric stands.
     *
     * @param text     the normalised report text (offsets refer to it)
     * @param category the category of the metric's section
     * @param headings the headings from the outermost section down to the metric's own; empty in the preamble
     */
    public record Context(String text, String category, List<String> headings) {}

    private final MetricKeys keys = new MetricKeys();

    /** The indicator id of the metric, or null. */
    public String assign(Metric metric, Context context, Trace trace) {
        String id = keys.key(metric.label(), metric.unitKind());
        if (id != null && trace.enabled()) {
            trace.fired(
                    LABEL_WORD,
                    metric.offset(),
                    metric.offset() + metric.surface().length(),
                    "indicator " + id + " from the label " + metric.label());
        }
        return id;
    }
}
