package io.fazhi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fazhi.deploy.LocalStack.Service;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services as built, against one Kafka broker and one PostgreSQL server: the five sample reports go
 * in through the upload API and come out as facts and rollups through the read API.
 */
class PipelineEndToEndTest {
    private static LocalStack stack;
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void startAndUploadSamples() throws Exception {
        Path repo =
                Path.of(System.getProperty("fazhi.repo", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("fazhi-e2e");
        stack = LocalStack.start(new LocalStack.Options(repo, data, true, 0, 0, new EnumMap<>(Service.class), "prod"));
        for (LocalStack.Sample s : LocalStack.samples(repo)) {
            IDS.put(s.file(), stack.upload(s));
        }
        stack.awaitAggregated(new ArrayList<>(IDS.values()), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String ingest() {
        return stack.url(Service.INGEST);
    }

    private static String aggregate() {
        return stack.url(Service.AGGREGATE);
    }

    @Test
    void everySampleIsAggregatedWithItsMetadata() {
        for (String id : IDS.values()) {
            JsonNode r = LocalStack.getJson(ingest() + "/api/v1/reports/" + id);
            assertEquals("AGGREGATED", r.get("status").asText(), r.toString());
            assertTrue(r.get("sections").asInt() > 0, r.toString());
            assertTrue(r.get("metrics").asInt() > 0, r.toString());
        }
        JsonNode xinhui = LocalStack.getJson(
                ingest() + "/api/v1/reports/" + IDS.get("jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"));
        assertEquals("江门市", xinhui.get("city").asText());
        assertEquals("新会区", xinhui.get("district").asText());
        assertEquals(2019, xinhui.get("year").asInt());
    }

    @Test
    void factsCarryTheMetricsOfTheText() {
        JsonNode facts = LocalStack.getJson(
                aggregate() + "/api/v1/facts/" + IDS.get("jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"));
        JsonNode filings = find(facts, "168件");
        assertEquals(0, new BigDecimal("168").compareTo(filings.get("value").decimalValue()));
        assertEquals("件", filings.get("unit").asText());
        assertTrue(
                filings.get("sentence").asText("").isEmpty()
                        || filings.get("sentence").asText().contains("外资备案手续"),
                filings.toString());

        JsonNode torch = LocalStack.getJson(aggregate() + "/api/v1/facts/" + IDS.get("zhongshan-torch-zone-2019.txt"));
        assertEquals("中山市", torch.get("city").asText());
        assertTrue(torch.get("sections").size() > 30, "sections of the torch zone report");
    }

    @Test
    void rollupsExistForTheThreeCitiesAndEqualTheSumOfTheFacts() {
        for (String city : List.of("江门市", "阳江市", "中山市")) {
            JsonNode rollups = LocalStack.getJson(aggregate() + "/api/v1/rollups?size=1000&city="
                    + java.net.URLEncoder.encode(city, java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(rollups.isEmpty(), "no rollups for " + city);

            Map<String, BigDecimal[]> expected = new TreeMap<>();
            for (String id : IDS.values()) {
                JsonNode facts = LocalStack.getJson(aggregate() + "/api/v1/facts/" + id);
                if (!city.equals(facts.get("city").asText())) {
                    continue;
                }
                for (JsonNode section : facts.get("sections")) {
                    for (JsonNode m : section.get("metrics")) {
                        if (!m.path("indicator").isTextual()) {
                            continue; // a one-off figure: a fact, not a rollup cell
                        }
                        String key = cell(
                                facts.get("year").asInt(),
                                m.get("indicator").asText(),
                                m.get("rollupUnit").asText());
                        BigDecimal v = m.get("value").decimalValue();
                        expected.merge(key, new BigDecimal[] {BigDecimal.ONE, v, v, v}, (a, b) ->
                                new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1]), a[2].min(b[2]), a[3].max(b[3])});
                    }
                }
            }
            Map<String, BigDecimal[]> actual = new TreeMap<>();
            for (JsonNode r : rollups) {
                actual.put(
                        cell(
                                r.get("year").asInt(),
                                r.get("indicator").asText(),
                                r.get("unit").asText()),
                        new BigDecimal[] {
                            r.get("observations").decimalValue(),
                            r.get("sum").isNull() ? null : r.get("sum").decimalValue(),
                            r.get("min").decimalValue(),
                            r.get("max").decimalValue()
                        });
            }
            assertEquals(expected.keySet(), actual.keySet(), "rollup cells of " + city);
            expected.forEach((key, e) -> {
                BigDecimal[] a = actual.get(key);
                assertEquals(0, e[0].compareTo(a[0]), key + " observations");
                if (a[1] != null) {
                    assertEquals(0, e[1].compareTo(a[1]), key + " sum");
                }
                assertEquals(0, e[2].compareTo(a[2]), key + " min");
                assertEquals(0, e[3].compareTo(a[3]), key + " max");
            });
        }
    }

    @Test
    void theDistrictRollupOfXinhuiHoldsItsFilings() {
        JsonNode facts = LocalStack.getJson(
                aggregate() + "/api/v1/facts/" + IDS.get("jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"));
        JsonNode filings = find(facts, "168件");
        if (!filings.path("indicator").isTextual()) {
            // a one-off figure: among the facts of 新会区 without an indicator, not in a rollup cell
            JsonNode oneOff = LocalStack.getJson(aggregate() + "/api/v1/facts?year=2019&indicator=none&city="
                    + enc("江门市") + "&district=" + enc("新会区"));
            boolean listed = false;
            for (JsonNode m : oneOff) {
                listed |= "168件".equals(m.path("surface").asText());
            }
            assertTrue(listed, "no fact for " + filings);
            return;
        }
        String indicator = filings.get("indicator").asText();
        JsonNode rollups = LocalStack.getJson(aggregate() + "/api/v1/rollups?size=1000&year=2019&unit="
                + enc(filings.get("rollupUnit").asText()) + "&city=" + enc("江门市") + "&district=" + enc("新会区"));
        boolean found = false;
        for (JsonNode r : rollups) {
            if (indicator.equals(r.path("indicator").asText())) {
                found = true;
                assertTrue(r.get("sum").decimalValue().compareTo(new BigDecimal("168")) >= 0, r.toString());
                assertEquals("新会区", r.get("district").asText());
            }
        }
        assertTrue(found, "no 新会区 rollup cell for " + filings);
    }

    private static JsonNode find(JsonNode facts, String surface) {
        for (JsonNode section : facts.get("sections")) {
            for (JsonNode m : section.get("metrics")) {
                if (surface.equals(m.path("surface").asText())) {
                    return m;
                }
            }
        }
        throw new AssertionError("no metric " + surface + " in " + facts.get("reportId"));
    }

    private static String cell(int year, String indicator, String unit) {
        return year + "|" + indicator + "|" + unit;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
