package io.fazhi.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Documents;
import io.fazhi.ingest.fixtures.Pages;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every format and encoding through the HTTP API, checked on what reaches Kafka (the text extract-service gets) and
 * on what is stored (the original upload).
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class UploadFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** rest-assured must not add "charset=ISO-8859-1" to a text body whose charset the test leaves undeclared */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static RequestSpecification op() {
        return given().config(RAW).header("Authorization", Tokens.operator());
    }

    /** A form field as browsers send it: UTF-8. */
    private static io.restassured.specification.MultiPartSpecification field(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value)
                .controlName(name)
                .charset(StandardCharsets.UTF_8)
                .build();
    }

    /** The published event of an accepted upload (of its revision: the upload may be a later text of a report). */
    private static JsonNode published(Response r) throws Exception {
        r.then().statusCode(202);
        String id = r.jsonPath().getString("id");
        int revision = r.jsonPath().getInt("revision");
        for (var record : KafkaProbe.records(Topics.REPORTS, id, revision, Duration.ofSeconds(20))) {
            JsonNode event = JSON.readTree(record.value());
            if (event.get("revision").asInt() == revision) {
                return event;
            }
        }
        throw new AssertionError("revision " + revision + " of report " + id + " was not published");
    }

    @Test
    void utf8TextWithDeclaredCharset() throws Exception {
        String text = Samples.report(Samples.unique("江门市司法局"), 2019);
        JsonNode event = published(op().contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reports"));
        assertEquals(text, event.get("text").asText());
    }

    @Test
    void gbkTextWithoutCharsetIsDetected() throws Exception {
        String text = Samples.report(Samples.unique("江门市蓬江区司法局"), 2020);
        JsonNode event = published(op().contentType("text/plain")
                .body(text.getBytes(Charset.forName("GBK")))
                .queryParam("city", "江门市")
                .queryParam("year", "2020")
                .post("/api/v1/reports"));
        assertEquals(text, event.get("text").asText());
        assertEquals("江门市", event.get("city").asText());
        assertEquals(2020, event.get("year").asInt());
    }

    @Test
    void gbkTextWithDeclaredCharset() throws Exception {
        String text = Samples.report(Samples.unique("江门市江海区司法局"), 2020);
        JsonNode event = published(op().contentType("text/plain; charset=GBK")
                .body(text.getBytes(Charset.forName("GBK")))
                .post("/api/v1/reports"));
        assertEquals(text, event.get("text").asText());
    }

    @Test
    void big5TraditionalTextIsAcceptedAsIs() throws Exception {
        String text =
                "臺山市司法局2019年法治政府建設年度報告\n一、主要舉措和成效\n(一)優化政務服務。全年辦理行政許可事項120件," + "行政複議案件12件。\n編號 " + UUID.randomUUID();
        JsonNode event = published(op().contentType("text/plain")
                .body(text.getBytes(Charset.forName("Big5")))
                .post("/api/v1/reports"));
        assertEquals(text, event.get("text").asText(), "Traditional script reaches the extractor unconverted");
    }

    @Test
    void htmlPageWithSiteChromeKeepsEveryReportParagraph() throws Exception {
        String nonce = UUID.randomUUID().toString();
        String article = "<p>一、主要举措和成效</p><p>(一)优化政务服务。全年办理行政许可事项120件,办结率100%。</p>"
                + "<p>(二)加强执法监督。开展专项检查18次，发现问题3个。</p><p>二、存在的不足</p>"
                + "<p>执法人员法治培训仍需加强。编号" + nonce + "</p>";
        byte[] page = Pages.withChrome(article).getBytes(Charset.forName("GBK"));
        Response r = op().contentType("text/html").body(page).post("/api/v1/reports");
        JsonNode event = published(r);
        String text = event.get("text").asText();
        for (String p : List.of(
                "一、主要举措和成效",
                "(一)优化政务服务。全年办理行政许可事项120件,办结率100%。",
                "(二)加强执法监督。开展专项检查18次，发现问题3个。",
                "二、存在的不足",
                "执法人员法治培训仍需加强。")) {
            assertTrue(text.contains(p), p + " missing from " + text);
        }
        for (String chrome : List.of("首页", "网站地图", "粤ICP备", "相关链接", "alert", "tracker", "分享到", "广告")) {
            assertFalse(text.contains(chrome), chrome + " kept in " + text);
        }
        assertEquals("江门市司法局2019年法治政府建设年度报告", event.get("title").asText());
        assertTrue(text.startsWith("江门市司法局2019年法治政府建设年度报告"), text);
        // the original page is kept byte for byte
        String id = r.jsonPath().getString("id");
        byte[] original = op().get(
                        "/api/v1/reports/" + id + "/revisions/" + r.jsonPath().getInt("revision") + "/original")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .extract()
                .asByteArray();
        assertArrayEquals(page, original);
    }

    @Test
    void docxAsMultipartWithMetadataFields() throws Exception {
        String nonce = UUID.randomUUID().toString();
        byte[] docx = Documents.docx(
                List.of("江门市科学技术局2021年法治政府建设年度报告", "一、主要举措和成效", "(一)深化放管服改革。全年办理科技项目立项87项,拨付资金3200万元。", "编号" + nonce));
        Response r = op().multiPart("file", "report.docx", docx, "application/octet-stream")
                .multiPart(field("agency", "江门市科学技术局"))
                .multiPart(field("city", "江门市"))
                .multiPart(field("year", "2021"))
                .post("/api/v1/reports");
        JsonNode event = published(r);
        assertTrue(
                event.get("text").asText().contains("(一)深化放管服改革。全年办理科技项目立项87项,拨付资金3200万元。"),
                event.get("text").asText());
        assertEquals("江门市科学技术局", event.get("agency").asText());
        assertEquals(2021, event.get("year").asInt());
        byte[] original = op().get("/api/v1/reports/" + r.jsonPath().getString("id") + "/revisions/"
                        + r.jsonPath().getInt("revision") + "/original")
                .then()
                .statusCode(200)
                .contentType(equalTo(io.fazhi.ingest.domain.document.DocumentReader.DOCX))
                .extract()
                .asByteArray();
        assertArrayEquals(docx, original);
    }

    @Test
    void pdfMadeInTheTestKeepsNumbersSplitAcrossLines() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("阳江市司法局2022年法治政府建设年度报告");
        lines.add("一、主要举措和成效");
        // a long paragraph as a PDF lays it out: lines of one width, one of them ending inside the number
        int width = 24;
        String before = "(一)落实财政保障。全年安排法治建设专项经费,各部门按照年度计划推进依法行政工作,统筹安排各项支出共计";
        String paragraph = before.substring(0, 2 * width - 3) + "1955.7万元,较上年增长百分之十二,保障了各项工作的顺利开展,"
                + "完成了规范性文件清理、行政执法公示、重大决策法制审核等重点任务,并对执法人员开展了专题培训。";
        lines.addAll(Samples.wrap(paragraph, width));
        lines.add("(二)加强执法监督。开展专项检查18次。编号" + UUID.randomUUID().toString().substring(0, 8));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("195")), "the number is split in the layout: " + lines);
        JsonNode event = published(op().multiPart("file", "report.pdf", Documents.pdf(lines), "application/pdf")
                .post("/api/v1/reports"));
        String text = event.get("text").asText();
        assertTrue(text.contains(paragraph), text);
        assertTrue(text.contains("一、主要举措和成效\n(一)"), text);
    }

    @Test
    void pdfAsARawBody() throws Exception {
        List<String> lines = List.of(
                "中山市司法局2023年法治政府建设年度报告",
                "一、主要举措和成效",
                "(一)加强执法监督。开展专项检查18次。编号" + UUID.randomUUID().toString().substring(0, 8));
        JsonNode event = published(op().contentType("application/pdf")
                .body(Documents.pdf(lines))
                .queryParam("city", "中山市")
                .post("/api/v1/reports"));
        assertTrue(event.get("text").asText().contains("开展专项检查18次"), event.toString());
        assertEquals("中山市", event.get("city").asText());
    }

    @Test
    void gbkTextFileAsMultipartAndHtmlFile() throws Exception {
        String text = Samples.report(Samples.unique("江门市新会区司法局"), 2022);
        JsonNode event =
                published(op().multiPart("file", "report.txt", text.getBytes(Charset.forName("GB18030")), "text/plain")
                        .post("/api/v1/reports"));
        assertEquals(text, event.get("text").asText());

        String html = Pages.withChrome("<p>(一)优化政务服务。全年办理行政许可事项" + (int) (Math.random() * 1e6) + "件。</p>");
        JsonNode fromHtml = published(
                op().multiPart("file", "page.html", html.getBytes(Charset.forName("GBK")), "application/octet-stream")
                        .post("/api/v1/reports"));
        assertTrue(fromHtml.get("text").asText().contains("(一)优化政务服务。"), fromHtml.toString());
        assertFalse(fromHtml.get("text").asText().contains("网站地图"), fromHtml.toString());
    }
}
