package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores indicator assignment and labels against the samples' gold ({@code deploy/samples/*.gold.json}) and prints
 * B-cubed precision, recall and F1 of the rollup cells, coverage and label agreement, per report and overall (see
 * {@link IndicatorScoring} for the definitions). Asserts the targets: B-cubed F1 and coverage at least 0.95, label
 * agreement at least 0.95.
 */
class IndicatorScoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void indicatorsAndLabelsMeetTheTargetsOnTheSamples() throws IOException {
        Extractor extractor = new Extractor();
        List<IndicatorScoring.Report> reports = new ArrayList<>();
        for (Path gold : GoldScoreTest.goldFiles()) {
            String name = gold.getFileName().toString().replace(".gold.json", "");
            String text = Files.readString(GoldScoreTest.SAMPLES.resolve(name + ".txt"), StandardCharsets.UTF_8);
            reports.add(new IndicatorScoring.Report(
                    name, JSON.readTree(gold.toFile()), extractor.extract(ReportInput.ofText(text))));
        }
        assertTrue(reports.size() >= 5, "gold files in " + GoldScoreTest.SAMPLES);
        IndicatorScoring.Result result = IndicatorScoring.score(reports);
        result.print("indicator and label scores on the samples (engine " + EngineVersion.current() + ")");
        IndicatorScoring.Sums all = result.overall();
        assertTrue(all.f1() >= 0.95, "B-cubed F1 " + all.f1());
        assertTrue(all.coverage() >= 0.95, "coverage " + all.coverage());
        assertTrue(all.labels() >= 0.95, "label agreement " + all.labels());
    }
}
