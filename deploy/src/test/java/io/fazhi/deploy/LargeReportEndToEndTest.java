package io.fazhi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fazhi.deploy.LocalStack.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report near the upload API's text limit (2,000,000 characters; about 5.7 MB of UTF-8, far above Kafka's default
 * 1 MB message limit) goes through all three services and comes out AGGREGATED: the topic, producer and consumer
 * limits were raised together, so nothing is lost on the way.
 */
class LargeReportEndToEndTest {
    private static final int TARGET_CHARS = 1_900_000;
    private static LocalStack stack;

    /** A city of its own: the large report stays out of the samples' rollups, which other tests check exactly. */
    private static final String CITY = "大型报告测试市";

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
    }

    /** The samples' heading lines: the large report gets its own, fewer ones. */
    private static final java.util.regex.Pattern HEADING =
            java.util.regex.Pattern.compile("^\\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])");
    /**
     * Parts of the large report: each about 32,000 characters (as long as a whole ordinary report). With the
     * samples' remaining sub-headings that makes about 90 sections.
     */
    private static final int PARTS = 60;

    /**
     * The sample reports' paragraphs, repeated under one title until the text is near the limit, in {@value #PARTS}
     * numbered parts (一、 … 六十、).
     */
    static String largeReport(Path repo) throws Exception {
        List<String> paragraphs = new java.util.ArrayList<>();
        for (LocalStack.Sample s : LocalStack.samples(repo)) {
            for (String line :
                    Files.readAllLines(repo.resolve("deploy/samples").resolve(s.file()), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !HEADING.matcher(line).find()) {
                    paragraphs.add(line.strip());
                }
            }
        }
        StringBuilder text = new StringBuilder(CITY + "大型报告测试局2020年法治政府建设年度报告\n");
        int perPart = TARGET_CHARS / PARTS;
        int next = 0;
        for (int part = 1; part <= PARTS; part++) {
            text.append(numeral(part)).append("、第").append(numeral(part)).append("部分工作情况\n");
            int end = Math.min(TARGET_CHARS, part * perPart);
            while (text.length() < end) {
                text.append(paragraphs.get(next++ % paragraphs.size())).append('\n');
            }
        }
        return text.toString();
    }

    /** 1..100 in Chinese numerals, as report headings count. */
    static String numeral(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n == 100) {
            return "一百";
        }
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }

    @Test
    void aReportNearTheTextLimitIsAggregated() throws Exception {
        Path repo =
                Path.of(System.getProperty("fazhi.repo", "..")).toAbsolutePath().normalize();
        String text = largeReport(repo);
        assertTrue(text.length() > 1_850_000 && text.length() < 2_000_000, "length " + text.length());
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length > 4 * 1024 * 1024, "several MB of UTF-8");

        String id = stack.upload(text, CITY + "大型报告测试局", CITY, null, 2020);
        stack.awaitAggregated(List.of(id), Duration.ofMinutes(8));

        JsonNode report = LocalStack.getJson(stack.url(Service.INGEST) + "/api/v1/reports/" + id);
        assertEquals("AGGREGATED", report.get("status").asText(), report.toString());
        assertEquals(text.strip().length(), report.get("textChars").asInt(), "the whole text was accepted");
        assertTrue(report.get("sections").asInt() >= PARTS, report.toString());
        assertTrue(report.get("metrics").asInt() > 1000, report.toString());
        JsonNode facts = LocalStack.getJson(stack.url(Service.AGGREGATE) + "/api/v1/facts/" + id);
        // the facts hold every heading's section and the preamble (section 0)
        assertEquals(
                report.get("sections").asInt() + 1, facts.get("sections").size(), "every section reached the facts");
    }
}
