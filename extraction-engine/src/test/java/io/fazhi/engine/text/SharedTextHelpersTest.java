package io.fazhi.engine.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Han} is the one definition of a Chinese character and {@link LineJoiner} the one implementation of
 * re-joining hard-wrapped lines: no other class of the engine tests for the Han script or measures a wrap width.
 */
class SharedTextHelpersTest {
    private static final Path MAIN = Path.of("src/main/java");

    private static List<String> filesContaining(String... needles) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (String needle : needles) {
                    if (source.contains(needle)) {
                        found.add(MAIN.relativize(f) + ": " + needle);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void onlyHanSaysWhatAChineseCharacterIs() throws IOException {
        List<String> found = filesContaining(
                "UnicodeScript.HAN", "\\u4e00", "\\u9fff", "0x4e00", "0x4E00", "0x9fff", "0x9FFF", "'一' &&");
        found.removeIf(f -> f.startsWith("io/fazhi/engine/text/Han.java"));
        assertTrue(found.isEmpty(), "Han tests outside text.Han: " + found);
    }

    @Test
    void onlyLineJoinerRejoinsWrappedLines() throws IOException {
        List<String> found = filesContaining("int wrapWidth(", "boolean joins(");
        found.removeIf(f -> f.startsWith("io/fazhi/engine/text/LineJoiner.java"));
        assertTrue(found.isEmpty(), "re-wrapping outside text.LineJoiner: " + found);
    }
}
