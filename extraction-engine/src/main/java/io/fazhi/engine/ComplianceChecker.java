package io.fazhi.engine;

import io.fazhi.contracts.Categories;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 6: which of the five parts the national rules (法治政府建设与责任落实督察工作规定) require the report contains,
 * judged from its headings and their categories: measures and results, shortcomings, the principal leaders'
 * duties as first responsible persons, next year's plans, other matters. The heading words are data
 * ({@code engine/compliance.tsv}).
 */
public final class ComplianceChecker {
    static final Rule MEASURES = RuleCatalogue.define(
            "section.compliance.measures",
            "a topical heading, or one naming measures or results (举措, 成效, 工作情况), shows the measures part");
    static final Rule SHORTCOMINGS =
            RuleCatalogue.define("section.compliance.shortcomings", "a problems heading shows the shortcomings part");
    static final Rule LEADERS = RuleCatalogue.define(
            "section.compliance.leaders",
            "a heading, or else the text, naming the first responsible person (第一责任人) shows the leaders' part");
    static final Rule PLANS =
            RuleCatalogue.define("section.compliance.plans", "a next-year heading shows the plans part");
    static final Rule OTHER = RuleCatalogue.define(
            "section.compliance.other", "a heading naming other matters (其他需要报告的情况) shows the other part");

    /** The topical categories: the areas of the outlines, not party leadership, report parts or containers. */
    private static final List<String> TOPICAL = Categories.ALL.stream()
            .filter(c -> !c.equals("party_leadership")
                    && !c.equals("problems")
                    && !c.equals("next_year_plans")
                    && !c.equals(Categories.OTHER))
            .toList();

    private final List<String> measureWords = new ArrayList<>();
    private final List<String> leaderWords = new ArrayList<>();
    private final List<String> otherWords = new ArrayList<>();

    public ComplianceChecker() {
        for (String[] r : EngineData.rows("compliance.tsv", 2)) {
            switch (r[0]) {
                case "measures" -> measureWords.add(r[1]);
                case "leaders" -> leaderWords.add(r[1]);
                case "other" -> otherWords.add(r[1]);
                default -> throw new IllegalStateException("compliance.tsv: unknown part " + r[0]);
            }
        }
    }

    public Compliance check(String text, List<SectionSplitter.Heading> headings, List<String> categories) {
        return check(text, headings, categories, Trace.NONE);
    }

    /** As {@link #check(String, List, List)}, reporting to {@code trace} the heading that shows each part. */
    public Compliance check(String text, List<SectionSplitter.Heading> headings, List<String> categories, Trace trace) {
        boolean measures = false;
        boolean shortcomings = false;
        boolean leaders = false;
        boolean plans = false;
        boolean other = false;
        for (int i = 0; i < headings.size(); i++) {
            SectionSplitter.Heading heading = headings.get(i);
            String h = heading.text();
            String c = categories.get(i);
            if (!measures && (TOPICAL.contains(c) || containsAny(h, measureWords))) {
                measures = fired(trace, MEASURES, heading);
            }
            if (!shortcomings && c.equals("problems")) {
                shortcomings = fired(trace, SHORTCOMINGS, heading);
            }
            if (!leaders && containsAny(h, leaderWords)) {
                leaders = fired(trace, LEADERS, heading);
            }
            if (!plans && c.equals("next_year_plans")) {
                plans = fired(trace, PLANS, heading);
            }
            if (!other && containsAny(h, otherWords)) {
                other = fired(trace, OTHER, heading);
            }
        }
        if (!leaders) {
            // often reported inside another part rather than under its own heading
            int lim = Math.min(text.length(), 500_000);
            for (String w : leaderWords.subList(0, 1)) {
                int at = text.indexOf(w);
                if (at >= 0 && at < lim) {
                    leaders = true;
                    if (trace.enabled()) {
                        trace.fired(LEADERS, at, at + w.length(), "in the text");
                    }
                }
            }
        }
        return new Compliance(measures, shortcomings, leaders, plans, other);
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fired(Trace trace, Rule rule, SectionSplitter.Heading heading) {
        if (trace.enabled()) {
            trace.fired(
                    rule, heading.offset(), heading.offset() + heading.text().length(), heading.text());
        }
        return true;
    }
}
