package io.fazhi.engine.rules;

/**
 * One rule firing on one span of the normalised text.
 *
 * @param detail what the rule decided, or null
 */
public record Decision(Rule rule, int start, int end, String detail) {

    /** Whether the span overlaps {@code [from, to)}. */
    public boolean overlaps(int from, int to) {
        return start < to && from < end || start == end && start >= from && start < Math.max(to, from + 1);
    }
}
