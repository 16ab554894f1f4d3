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
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
        // the request's head declares 25 MB; the service answers from the head alone and closes the connection
        String head = "POST " + reports.getPath() + " HTTP/1.1\r\nHost: " + reports.getHost() + "\r\nAuthorization: "
                + Tokens.operator() + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: "
                + (25 * 1024 * 1024) + "\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(reports.getHost(), reports.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        JsonNode problem = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(413, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(String.valueOf(24 * 1024 * 1024)), answer);
    }
}
