package io.fazhi.deploy.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An office's upload client: posts a report as JSON with its Idempotency-Key and, like a well-behaved client, retries
 * a 5xx answer (honouring Retry-After up to a few seconds), a timeout or a refused connection with the same key
 * until the deadline. Any other answer is final.
 */
public final class UploadClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final Supplier<String> ingestUrl;
    private final String token;
    private final Duration deadline;

    /**
     * @param ingestUrl the ingest-service base URL (asked on every attempt: an instance may move)
     * @param token     the Authorization header value
     * @param deadline  how long one upload is retried
     */
    public UploadClient(Supplier<String> ingestUrl, String token, Duration deadline) {
        this.ingestUrl = ingestUrl;
        this.token = token;
        this.deadline = deadline;
    }

    /**
     * The outcome of one upload.
     *
     * @param reportId  the report id answered (null unless accepted)
     * @param status    the final HTTP status (0: never answered)
     * @param attempts  requests sent
     * @param started   when the first request was sent
     * @param answered  when the final answer came
     */
    public record Outcome(
            GeneratedReport report,
            String reportId,
            int status,
            int attempts,
            Instant started,
            Instant answered,
            String lastError) {
        public boolean accepted() {
            return reportId != null && (status == 200 || status == 202);
        }
    }

    public Outcome upload(GeneratedReport report) {
        String body = body(report);
        Instant started = Instant.now();
        Instant giveUp = started.plus(deadline);
        int attempts = 0;
        long backoff = 200;
        String lastError = null;
        int status = 0;
        while (true) {
            attempts++;
            long wait = backoff;
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(ingestUrl.get() + "/api/v1/reports"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", token)
                                .header("Idempotency-Key", report.idempotencyKey())
                                .header("Content-Type", "application/json; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = r.statusCode();
                if (status == 200 || status == 202) {
                    JsonNode answer = JSON.readTree(r.body());
                    return new Outcome(
                            report, answer.path("id").asText(null), status, attempts, started, Instant.now(), null);
                }
                lastError = status + " " + abbreviate(r.body());
                if (status < 500) {
                    return new Outcome(report, null, status, attempts, started, Instant.now(), lastError);
                }
                wait = Math.max(wait, retryAfterMillis(r));
            } catch (IOException e) {
                lastError = e.toString(); // refused, reset, timed out: the service is restarting
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(report, null, status, attempts, started, Instant.now(), "interrupted");
            }
            if (Instant.now().plusMillis(wait).isAfter(giveUp)) {
                return new Outcome(report, null, status, attempts, started, Instant.now(), lastError);
            }
            pause(wait);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    private static long retryAfterMillis(HttpResponse<String> r) {
        return r.headers()
                .firstValue("Retry-After")
                .map(v -> {
                    try {
                        return Math.min(5000L, Long.parseLong(v.strip()) * 1000);
                    } catch (NumberFormatException e) {
                        return 1000L;
                    }
                })
                .orElse(0L);
    }

    private static String body(GeneratedReport report) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", report.text());
        if (report.agency() != null) {
            body.put("agency", report.agency());
        }
        body.put("city", report.city());
        if (report.district() != null) {
            body.put("district", report.district());
        }
        body.put("year", report.year());
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
