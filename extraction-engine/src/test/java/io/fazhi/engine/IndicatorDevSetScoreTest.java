package io.fazhi.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A development harness, not a gate: scores indicators and labels on hand-labelled report openings kept outside the
 * repository (never committed), in the directory named by the system property {@code fazhi.devset} (default {@code
 * /work/devset}): {@code X.txt} with {@code X.gold.json} in the samples' format (city, year, metrics with surface,
 * value, unit, label, indicator). Skipped when the directory does not exist. Prints what {@link IndicatorScoring}
 * prints; asserts nothing, since the reports are not part of the build.
 */
class IndicatorDevSetScoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scoresTheDevSetWhenPresent() throws IOException {
        Path dir = Path.of(System.getProperty("fazhi.devset", "/work/devset"));
        assumeTrue(Files.isDirectory(dir), "no dev set at " + dir);
        Extractor extractor = new Extractor();
        List<IndicatorScoring.Report> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path gold : files.filter(p -> p.toString().endsWith(".gold.json"))
                    .sorted()
                    .toList()) {
                String name = gold.getFileName().toString().replace(".gold.json", "");
                String text = Files.readString(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
                reports.add(new IndicatorScoring.Report(
                        name, JSON.readTree(gold.toFile()), extractor.extract(ReportInput.ofText(text))));
            }
        }
        assumeTrue(!reports.isEmpty(), "no gold files in " + dir);
        IndicatorScoring.scoreAndPrint(reports, "indicator and label scores on the dev set " + dir);
    }
}
