package io.fazhi.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.Topics;
import io.fazhi.engine.Normaliser;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.domain.identity.SimilaritySketch;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Documents;
import io.fazhi.ingest.fixtures.Kafka;
import io.fazhi.ingest.fixtures.SampleReports;
import io.fazhi.ingest.fixtures.SampleReports.Sample;
import io.fazhi.ingest.fixtures.Variants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One report per agency and year, on real Kafka and PostgreSQL: the five samples uploaded by their agencies, then
 * again as an operator's backfill and in every other form they reach the service in (a web page with the site's
 * chrome, GBK text, Traditional script, pinyin glosses, a PDF with page numbers, the agency's short name). Every
 * upload answers the agency's report id, and exactly one report per sample reaches {@code reports.v1}.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class ReportIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static final Normaliser NORMALISER = new Normaliser();

    private static RequestSpecification as(String token) {
        return given().config(RAW).header("Authorization", token);
    }

    private static String title(Sample s) {
        return (s.agency() != null ? s.agency() : s.city() + s.district()) + s.year() + "年法治政府建设年度报告";
    }

    /** The sample uploaded by its agency (registered first), or by an operator with its metadata where unnamed. */
    private static String uploadByItsAgency(Sample s) {
        if (s.agency() == null) {
            return as(Tokens.operator())
                    .contentType("application/json")
                    .body(Map.of("text", s.text(), "city", s.city(), "district", s.district(), "year", s.year()))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
        }
        Map<String, Object> agency = new HashMap<>(Map.of("name", s.agency(), "city", s.city(), "level", "bureau"));
        agency.put("district", s.district());
        as(Tokens.operator())
                .contentType("application/json")
                .body(agency)
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        return as(Tokens.agency(s.agency()))
                .contentType("application/json")
                .body(Map.of("text", s.text(), "year", s.year()))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    @Test
    void everyFormOfASampleFromAnyoneIsItsAgencysReport() throws Exception {
        List<Sample> samples = SampleReports.all();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Sample s : samples) {
            ids.put(s.file(), uploadByItsAgency(s));
        }
        assertEquals(samples.size(), new TreeSet<>(ids.values()).size(), "five samples, five reports");

        Map<String, String> wrong = new LinkedHashMap<>();
        for (Sample s : samples) {
            String id = ids.get(s.file());
            Map<String, Supplier<Response>> forms = new LinkedHashMap<>();
            forms.put(
                    "operator backfill, text only",
                    () -> as(Tokens.operator())
                            .contentType("application/json")
                            .body(Map.of("text", s.text()))
                            .post("/api/v1/reports"));
            forms.put(
                    "web page with chrome",
                    () -> as(Tokens.operator())
                            .contentType("text/html")
                            .body(Variants.webPage(s.text(), title(s)).getBytes(Charset.forName("GBK")))
                            .post("/api/v1/reports"));
            forms.put(
                    "GBK text",
                    () -> as(Tokens.operator())
                            .contentType("text/plain")
                            .body(s.text().getBytes(Charset.forName("GBK")))
                            .post("/api/v1/reports"));
            forms.put(
                    "Traditional script",
                    () -> as(Tokens.operator())
                            .contentType("application/json")
                            .body(Map.of("text", Variants.traditional(s.text())))
                            .post("/api/v1/reports"));
            forms.put(
                    "pinyin glosses",
                    () -> as(Tokens.operator())
                            .contentType("application/json")
                            .body(Map.of("text", Variants.withPinyin(s.text())))
                            .post("/api/v1/reports"));
            forms.put(
                    "PDF with page numbers",
                    () -> as(Tokens.operator())
                            .multiPart(
                                    "file",
                                    "report.pdf",
                                    Documents.pdf(Variants.pdfLines(s.text(), 38), 45, true),
                                    "application/pdf")
                            .post("/api/v1/reports"));
            if (s.agency() != null) {
                String shortName = s.agency().startsWith(s.city())
                        ? s.agency().substring(s.city().length())
                        : null;
                if (shortName != null) {
                    forms.put(
                            "the agency's short name",
                            () -> as(Tokens.operator())
                                    .contentType("application/json")
                                    .body(Map.of(
                                            "text",
                                            s.text() + "\n附:本报告同时在本单位网站公开。",
                                            "agency",
                                            shortName,
                                            "city",
                                            s.city(),
                                            "year",
                                            s.year()))
                                    .post("/api/v1/reports"));
                }
                forms.put(
                        "its own web page, by the agency",
                        () -> as(Tokens.agency(s.agency()))
                                .contentType("text/html")
                                .body(Variants.webPage(s.text(), title(s)).getBytes(Charset.forName("GBK")))
                                .post("/api/v1/reports"));
            }
            for (Map.Entry<String, Supplier<Response>> form : forms.entrySet()) {
                Response r = form.getValue().get();
                String got = r.statusCode() < 300 ? r.jsonPath().getString("id") : null;
                if (!id.equals(got)) {
                    wrong.put(s.file() + " as " + form.getKey(), r.statusCode() + " " + r.asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "uploads that did not answer the agency's report: " + wrong);

        // exactly one report per sample is published for extraction: every event of a sample's text is its report's
        Map<String, Set<String>> published = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.scalar("SELECT count(*) FROM ingest.report_revision WHERE published_at IS NULL") == 0);
        List<ConsumerRecord<String, String>> events = Kafka.readAll(Topics.REPORTS);
        for (Sample s : samples) {
            SimilaritySketch sample =
                    SimilaritySketch.of(NORMALISER.normalise(s.text()).text());
            Set<String> reports = events.stream()
                    .map(e -> read(e.value()))
                    .filter(e -> !e.get("withdrawn").asBoolean())
                    .filter(e -> {
                        SimilaritySketch other = SimilaritySketch.of(
                                NORMALISER.normalise(e.get("text").asText()).text());
                        return other != null && sample.sameReport(other);
                    })
                    .map(e -> e.get("reportId").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            published.put(s.file(), reports);
        }
        for (Sample s : samples) {
            assertEquals(Set.of(ids.get(s.file())), published.get(s.file()), s.file() + " published as " + published);
        }
    }

    @Test
    void anotherAgencysCopyAnswersTheReportItDuplicates() {
        Sample s = SampleReports.all().get(3);
        String mirror = "阳江市某镜像网站";
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("name", mirror, "city", "阳江市", "level", "bureau"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        String id = as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", s.text(), "agency", s.agency(), "city", s.city(), "year", s.year()))
                .post("/api/v1/reports")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 202))
                .extract()
                .path("id");
        // the mirror may not see the report, but learns which one it duplicates
        as(Tokens.agency(mirror))
                .contentType("application/json")
                .body(Map.of("text", Variants.withPinyin(s.text())))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("duplicateOf", equalTo(id))
                .body("outcome", equalTo("duplicate"))
                .body("status", equalTo(null));
        as(Tokens.agency(mirror)).get("/api/v1/reports/" + id).then().statusCode(403);
    }

    @Test
    void anAliasOfARegisteredAgencyIsThatAgency() {
        String name = "江门市开平市科工商务局";
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        name,
                        "city",
                        "江门市",
                        "district",
                        "开平市",
                        "level",
                        "bureau",
                        "aliases",
                        List.of("开平市科技工业商务局")))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .body("aliases", equalTo(List.of("开平市科技工业商务局")));
        String text = io.fazhi.ingest.fixtures.Samples.report(name, 2021);
        String id = as(Tokens.agency(name))
                .contentType("application/json")
                .body(Map.of("text", text))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // an operator's backfill under the alias, with a corrected figure: a revision of the agency's report
        as(Tokens.operator())
                .contentType("application/json")
                .body(Map.of("text", text.replace("168件", "169件"), "agency", "开平市科技工业商务局", "year", 2021))
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("revision", equalTo(2))
                .body("agency", equalTo(name));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
