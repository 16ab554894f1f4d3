package io.fazhi.engine.rules;

/**
 * Where the stages report which rule decided what. Extraction runs with {@link #NONE}, which costs nothing;
 * {@code explain} runs with a {@link RecordingTrace}. Offsets refer to the normalised text.
 */
@FunctionalInterface
public interface Trace {
    /** Records nothing. */
    Trace NONE = (rule, start, end, detail) -> {};

    /**
     * A rule decided something about the text span {@code [start, end)}.
     *
     * @param detail what it decided, for people ("dropped: a year", "label 宣传读本"); may be null
     */
    void fired(Rule rule, int start, int end, String detail);

    /** Whether anything is recorded; stages may skip building details when not. */
    default boolean enabled() {
        return this != NONE;
    }
}
