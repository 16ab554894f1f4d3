package io.fazhi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.fazhi.deploy.LocalStack.Service;
import io.fazhi.deploy.load.ExpectedRollups;
import io.fazhi.deploy.load.GeneratedReport;
import io.fazhi.deploy.load.RollupComparison;
import io.fazhi.engine.Extractor;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services as built, against one Kafka broker and one PostgreSQL server: the five sample reports go
 * in through the upload API and come out as facts and rollups through the read API.
 */
class PipelineEndToEndTest {
    private static LocalStack stack;
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    private static final Map<String, LocalStack.Sample> SAMPLES = new LinkedHashMap<>();

    @BeforeAll
    static void uploadSamples() {
        stack = SharedStack.get();
        for (LocalStack.Sample s : LocalStack.samples(SharedStack.repo())) {
            String id = stack.upload(s);
            IDS.put(s.file(), id);
            SAMPLES.put(id, s);
        }
        stack.awaitAggregated(new ArrayList<>(IDS.values()), Duration.ofMinutes(3));
        uploadEveryOtherFormOfTheSamples();
    }

    /**
     * The same documents again, as an operator's backfill (text only, no agency, city or year), as GBK text, as a
     * web page with the site's chrome and as a Traditional-script mirror: each answers the agency's report id, as a
     * duplicate (200) or, when what the text gives differs a little and its agency and year are the report's, as a
     * new revision of it (202); either way the rollup tests below see every document exactly once.
     */
    private static void uploadEveryOtherFormOfTheSamples() {
        Charset gbk = Charset.forName("GBK");
        for (Map.Entry<String, LocalStack.Sample> e : SAMPLES.entrySet()) {
            String text = e.getValue().text(SharedStack.repo());
            String title = text.strip().lines().findFirst().orElse("");
            Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
            answers.put("backfill", upload("text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8)));
            answers.put("GBK text", upload("text/plain; charset=GBK", text.getBytes(gbk)));
            answers.put("web page", upload("text/html; charset=UTF-8", webPage(text, title)));
            answers.put(
                    "Traditional script",
                    upload(
                            "text/plain; charset=UTF-8",
                            ZhConverterUtil.toTraditional(text).getBytes(StandardCharsets.UTF_8)));
            answers.forEach((form, r) -> {
                assertTrue(
                        r.statusCode() == 200 || r.statusCode() == 202,
                        e.getValue().file() + " as " + form + ": " + r.statusCode() + " " + r.body());
                assertEquals(
                        e.getKey(),
                        LocalStack.json(r.body()).get("id").asText(),
                        e.getValue().file() + " as " + form);
            });
        }
        // a revision among them is counted once it is aggregated, in place of the report's first upload
        stack.awaitAggregated(new ArrayList<>(IDS.values()), Duration.ofMinutes(3));
    }

    private static HttpResponse<String> upload(String contentType, byte[] body) {
        return LocalStack.post(ingest() + "/api/v1/reports", contentType, body);
    }

    private static byte[] webPage(String text, String title) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title></head><body><nav><a href=\"/\">首页</a> <a href=\"/zwgk\">政务公开</a>"
                        + " <a href=\"/fzzf\">法治政府</a></nav><div class=\"breadcrumb\">当前位置：首页 &gt; 政务公开"
                        + "</div><article>");
        text.lines()
                .filter(l -> !l.isBlank())
                .forEach(l -> page.append("<p>").append(escape(l)).append("</p>\n"));
        page.append("</article><footer>版权所有 主办单位 网站标识码 ICP备案 分享到：微信 微博</footer></body></html>");
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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

    /**
     * Every rollup cell of the samples' cities equals what the extraction engine, run in this JVM on the same texts
     * with the same metadata, gives (observations, reports, sums of additive kinds, min, max), and no cell is
     * missing or extra.
     */
    @Test
    void rollupsEqualTheEnginesMetricsOfTheSamplesSummedPerCell() throws Exception {
        ExpectedRollups expected = new ExpectedRollups(new Extractor());
        for (Map.Entry<String, LocalStack.Sample> e : SAMPLES.entrySet()) {
            LocalStack.Sample s = e.getValue();
            String text = s.text(SharedStack.repo());
            expected.add(e.getKey(), new GeneratedReport(s.file(), text, s.agency(), s.city(), s.district(), s.year()));
        }
        RollupComparison.Result result = RollupComparison.compare(aggregate(), expected);
        assertTrue(result.expectedCells() > 50, "cells of five reports: " + result.expectedCells());
        assertEquals(List.of(), result.wrong(), "wrong rollup cells");
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

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
