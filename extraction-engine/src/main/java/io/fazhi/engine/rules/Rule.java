package io.fazhi.engine.rules;

/**
 * A named rule of the engine: one decision it can make (keep a number as a metric, drop it as a year, read 几 as a
 * lower bound, take a label, assign an indicator, resolve a town to its county …). Rules are declared once, as
 * constants of the stage that applies them, through {@link RuleCatalogue#define}; their positive and negative
 * examples are data, in {@code engine/corpus/*.tsv}, and {@code RuleCorpusTest} runs every example through the
 * whole engine. {@link Trace} records which rules fired, which is what {@code explain} shows.
 *
 * @param name    stable dotted name, stage first: {@code metric.exclude.year}, {@code number.colloquial-tail}
 * @param summary one sentence saying what the rule decides
 */
public record Rule(String name, String summary) {

    /** The stage: the part of the name before the first dot. */
    public String stage() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    @Override
    public String toString() {
        return name;
    }
}
