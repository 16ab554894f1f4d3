package io.fazhi.contracts;

import java.util.List;

/** The section categories of the taxonomy, in display order. */
public final class Categories {
    public static final String OTHER = "other";
    public static final List<String> ALL = List.of(
            "government_functions",
            "institutional_system",
            "decision_making",
            "law_enforcement",
            "emergency_response",
            "dispute_resolution",
            "power_oversight",
            "legal_capacity",
            "digital_government",
            "party_leadership",
            "problems",
            "next_year_plans",
            OTHER);

    private Categories() {}
}
