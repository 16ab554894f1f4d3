package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A ~10 MB input (the samples repeated, plus pathological runs) completes; no timing assertion. */
class LargeInputTest {
    @Test
    void tenMegabytesComplete() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(GoldScoreTest.SAMPLES)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
        }
        StringBuilder big = new StringBuilder(10_500_000);
        while (big.length() < 8_000_000) {
            big.append(all);
        }
        big.append("1个".repeat(300_000)); // a flood of quantities on one line
        big.append("一、".repeat(100_000)); // a flood of markers on one line
        big.append("\n1.标题\n".repeat(20_000)); // a flood of headings
        big.append("9".repeat(200_000)); // a huge number
        Extraction x = new Extractor().extract(ReportInput.ofText(big.toString()));
        EngineInvariants.check(x);
        assertTrue(x.text().length() >= 9_000_000, "kept the text");
        assertTrue(x.metricCount() > 0);
    }
}
