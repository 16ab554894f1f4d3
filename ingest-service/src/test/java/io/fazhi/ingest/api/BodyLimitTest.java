package io.fazhi.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A body above the HTTP layer's own limit (quarkus.http.limits.max-body-size, 24M) is refused like every other
 * request: 413 as problem details saying what the limit is, not a bare status. (20M to 24M is the upload limit's
 * 413, covered by HostileInputTest.)
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class BodyLimitTest {
    @TestHTTPResource("/api/v1/reports")
    URI reports;

    @Test
    void aBodyAboveTheHttpLimitIsAProblemToo() throws Exception {
        byte[] body = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        HttpResponse<String> r = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(reports)
                                .timeout(Duration.ofSeconds(60))
                                .expectContinue(true)
                                .header("Authorization", Tokens.operator())
                                .header("Content-Type", "text/plain; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(r.body());
        assertEquals(413, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(String.valueOf(24 * 1024 * 1024)), r.body());
    }
}
