package io.fazhi.contracts;

import java.util.Locale;

/**
 * What a unit measures. Which unit has which kind is the extraction engine's unit data; what a kind allows in a
 * rollup is decided here: counts, people and money add up, rates and durations do not (they roll up as min, max
 * and mean).
 */
public enum UnitKind {
    COUNT(true),
    PERSON(true),
    MONEY(true),
    PERCENT(false),
    DURATION(false);

    private final boolean additive;

    UnitKind(boolean additive) {
        this.additive = additive;
    }

    /** The name in events and in {@code indicators.tsv}: count, person, money, percent, duration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether values of this kind may be summed. */
    public boolean additive() {
        return additive;
    }

    /** The kind of an id, or null for null or an unknown id (which rollups treat as not additive). */
    public static UnitKind of(String id) {
        if (id == null) {
            return null;
        }
        for (UnitKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }

    /** Whether a unit kind id may be summed; unknown or missing kinds may not. */
    public static boolean isAdditive(String id) {
        UnitKind k = of(id);
        return k != null && k.additive();
    }
}
