package io.fazhi.engine;

import java.util.List;

/**
 * Stage 6: which of the five parts the national rules (法治政府建设与责任落实督察工作规定) require the report contains,
 * judged from its headings and their categories: measures and results, shortcomings, the principal leaders'
 * duties as first responsible persons, next year's plans, other matters.
 */
public final class ComplianceChecker {
    private static final List<String> TOPICAL = List.of(
            "government_functions",
            "institutional_system",
            "decision_making",
            "law_enforcement",
            "emergency_response",
            "dispute_resolution",
            "power_oversight",
            "legal_capacity",
            "digital_government");

    public Compliance check(String text, List<SectionSplitter.Heading> headings, List<String> categories) {
        return check(text, headings, categories, io.fazhi.engine.rules.Trace.NONE);
    }

    public Compliance check(
            String text,
            List<SectionSplitter.Heading> headings,
            List<String> categories,
            io.fazhi.engine.rules.Trace trace) {
        boolean measures = false;
        boolean shortcomings = false;
        boolean leaders = false;
        boolean plans = false;
        boolean other = false;
        for (int i = 0; i < headings.size(); i++) {
            String h = headings.get(i).text();
            String c = categories.get(i);
            if (TOPICAL.contains(c)
                    || h.contains("举措")
                    || h.contains("成效")
                    || h.contains("工作情况")
                    || h.contains("基本情况")) {
                measures = true;
            }
            if (c.equals("problems")) {
                shortcomings = true;
            }
            if (h.contains("第一责任人") || h.contains("主要负责人")) {
                leaders = true;
            }
            if (c.equals("next_year_plans")) {
                plans = true;
            }
            if (h.contains("其他需要报告") || h.contains("其他事项") || h.contains("其他情况")) {
                other = true;
            }
        }
        if (!leaders) {
            // often reported inside another part rather than under its own heading
            int lim = Math.min(text.length(), 500_000);
            int at = text.indexOf("第一责任人");
            leaders = at >= 0 && at < lim;
        }
        return new Compliance(measures, shortcomings, leaders, plans, other);
    }
}
