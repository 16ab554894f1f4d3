package io.fazhi.extract.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.engine.Extractor;
import io.fazhi.infra.InfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "postgres", value = "false"))
class ExplainResourceTest {
    private static final String PATH = "/api/v1/extract/explain";
    private static final String REPORT = """
            某区司法局2023年法治政府建设年度报告
            一、主要举措和成效
            (一)化解行政争议。全年共受理行政复议申请45件,办结42件,办结率93.3%。传达学习区委十二届三次、四次全会精神。
            (二)加强普法宣传。组织普法讲座约20场,发放资料1.2 万份。
            """;

    @Inject
    Extractor extractor;

    @TestHTTPResource(PATH)
    URI explainUri;

    @Test
    void explainsEveryNumberWithTheRuleThatKeptOrDroppedIt() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", REPORT, "year", 2023))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("extractorVersion", equalTo(extractor.version()))
                .body("extractorVersion", matchesPattern("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}"))
                .body("metadata.year", equalTo(2023))
                .body("sections.heading", hasItem("(一)化解行政争议。"))
                .body("sections.find { it.heading == '(一)化解行政争议。' }.category", notNullValue())
                .body("numbers.find { it.surface == '45件' }.kept", equalTo(true))
                .body("numbers.find { it.surface == '45件' }.decidedBy", equalTo("metric.keep.measure-word"))
                .body("numbers.find { it.surface == '45件' }.value", equalTo(45))
                .body("numbers.find { it.surface == '45件' }.unit", equalTo("件"))
                .body("numbers.find { it.surface == '45件' }.unitKind", equalTo("count"))
                .body("numbers.find { it.surface == '45件' }.label", notNullValue())
                .body("numbers.find { it.surface == '45件' }.section", equalTo(2))
                .body("numbers.find { it.surface == '45件' }.sentence", containsString("受理行政复议申请45件"))
                .body("numbers.find { it.surface == '93.3%' }.rules", hasItem("number.decimal"))
                .body("numbers.find { it.surface == '20场' }.approx", equalTo("about"))
                .body("numbers.find { it.surface == '20场' }.rules", hasItem("approx.before-word"))
                .body("numbers.find { it.surface == '1.2 万份' }.value", equalTo(12000))
                .body("numbers.find { it.surface == '2023年' }.kept", equalTo(false))
                .body("numbers.find { it.surface == '2023年' }.decidedBy", equalTo("metric.exclude.year"))
                .body("numbers.find { it.surface == '三次' }.decidedBy", equalTo("metric.exclude.session-ordinal"))
                .body("numbers.find { it.surface == '三次' }.value", nullValue())
                .body("rules.'metric.exclude.year'", containsString("year"))
                .body("text", nullValue());
    }

    @Test
    void plainTextIsExplainedTooAndTheNormalisedTextOnRequest() {
        given().contentType("text/plain; charset=UTF-8")
                .body("审批时限压缩至３个工作日。")
                .queryParam("text", true)
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("text", equalTo("审批时限压缩至3个工作日。"))
                .body("numbers[0].surface", equalTo("3个工作日"))
                .body("numbers[0].offset", equalTo(7))
                .body("numbers[0].unitKind", equalTo("duration"));
    }

    @Test
    void badInputAnswersProblemDetails() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "全年受理申请5件。", "year", 1776))
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("year"));
        given().contentType(ContentType.JSON)
                .body("{\"text\": ")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("malformed JSON"));
        given().contentType("text/plain; charset=UTF-8")
                .body("  ")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/xml")
                .body("<text>全年受理申请5件。</text>")
                .when()
                .post(PATH)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aTextOverTheLimitAnswers413WithProblemDetails() {
        String text = "全年受理申请5件。".repeat(500_000 / 9 + 1);
        given().contentType("text/plain; charset=UTF-8")
                .body(text)
                .when()
                .post(PATH)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 500000"));
    }

    /**
     * A body past the HTTP layer's own limit (quarkus.http.limits.max-body-size, 4M) answers 413 problem details from
     * the request's head alone. Sent over a plain socket with a read timeout: the service closes the connection
     * without reading the body, which an HTTP client still writing it may never notice.
     */
    @Test
    void aBodyOverTheHttpLimitAnswers413() throws Exception {
        String head = "POST " + explainUri.getPath() + " HTTP/1.1\r\nHost: " + explainUri.getHost()
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: " + (5 * 1024 * 1024) + "\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(explainUri.getHost(), explainUri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
    }

    @Test
    void theOpenApiDescriptionHasTheEndpoint() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/extract/explain'.post.responses.'413'", notNullValue());
    }
}
