package io.fazhi.engine.rules;

import java.util.ArrayList;
import java.util.List;

/** A {@link Trace} that keeps every decision, in the order the stages made them. */
public final class RecordingTrace implements Trace {
    private final List<Decision> decisions = new ArrayList<>();

    @Override
    public void fired(Rule rule, int start, int end, String detail) {
        decisions.add(new Decision(rule, start, end, detail));
    }

    @Override
    public boolean enabled() {
        return true;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }
}
