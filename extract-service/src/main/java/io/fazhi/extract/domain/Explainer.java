package io.fazhi.extract.domain;

import io.fazhi.engine.Explanation;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.ReportInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Explains a text: runs the whole engine with every rule recorded ({@link Extractor#explain}), for operators and
 * for settling labelling disputes. Explaining records every decision, so it is slower than extraction and takes
 * texts up to {@code fazhi.extract.explain.max-chars} only.
 */
@ApplicationScoped
public class Explainer {
    private final Extractor extractor;
    private final int maxChars;

    public Explainer(Extractor extractor, @ConfigProperty(name = "fazhi.extract.explain.max-chars") int maxChars) {
        this.extractor = extractor;
        this.maxChars = maxChars;
    }

    /** A text longer than the limit. */
    public static final class TextTooLong extends RuntimeException {
        private final int chars;
        private final int max;

        TextTooLong(int chars, int max) {
            super("the text has " + chars + " characters; explain takes at most " + max, null, false, false);
            this.chars = chars;
            this.max = max;
        }

        public int chars() {
            return chars;
        }

        public int max() {
            return max;
        }
    }

    /** The engine's explanation of the input; the text must not be longer than {@link #maxChars()}. */
    public Explanation explain(ReportInput input) {
        int chars = input.text() == null ? 0 : input.text().length();
        if (chars > maxChars) {
            throw new TextTooLong(chars, maxChars);
        }
        return extractor.explain(input);
    }

    /** The longest text explained, in characters. */
    public int maxChars() {
        return maxChars;
    }

    /** The version of the extraction rules the explanation comes from. */
    public String version() {
        return extractor.version();
    }
}
