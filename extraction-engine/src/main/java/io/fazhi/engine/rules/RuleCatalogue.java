package io.fazhi.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule of the engine, by name. Stages declare their rules as {@code static final} constants with {@link
 * #define}; the catalogue is complete once the stage classes are loaded, which {@code Extractor}'s constructor
 * ensures.
 */
public final class RuleCatalogue {
    private static final Map<String, Rule> RULES = Collections.synchronizedMap(new LinkedHashMap<>());

    private RuleCatalogue() {}

    /** Declares a rule; a name is declared once. */
    public static Rule define(String name, String summary) {
        if (name == null || !name.matches("[a-z]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("a rule name is dotted lower-case words, stage first: " + name);
        }
        Rule rule = new Rule(name, summary);
        if (RULES.putIfAbsent(name, rule) != null) {
            throw new IllegalStateException("rule declared twice: " + name);
        }
        return rule;
    }

    /** The rule of that name, or null. */
    public static Rule byName(String name) {
        return RULES.get(name);
    }

    /** Every rule declared so far, in declaration order. */
    public static List<Rule> all() {
        synchronized (RULES) {
            return List.copyOf(new ArrayList<>(RULES.values()));
        }
    }
}
