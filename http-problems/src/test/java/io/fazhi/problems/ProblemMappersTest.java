package io.fazhi.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error as RFC 9457 problem details: statuses, titles, field errors, headers, and no internals leaked. */
class ProblemMappersTest {
    private final ProblemMappers mappers = new ProblemMappers();

    private static Problem problem(Response r) {
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        return (Problem) r.getEntity();
    }

    @Test
    void titlesIncludeTheStatusesJaxRsHasNoConstantFor() {
        assertEquals("Content Too Large", Problem.title(413));
        assertEquals("Unprocessable Content", Problem.title(422));
        assertEquals("Not Found", Problem.title(404));
        assertEquals("Error", Problem.title(599));
    }

    @Test
    void aProblemExceptionCarriesItsStatusFieldsAndHeaders() {
        Response r = new ProblemException(
                        503, "try again", Map.of("Retry-After", "10"), List.of(new Problem.FieldError("a", "b")))
                .toResponse();
        assertEquals(503, r.getStatus());
        assertEquals("10", r.getHeaderString("Retry-After"));
        Problem p = problem(r);
        assertEquals("try again", p.detail());
        assertEquals(List.of(new Problem.FieldError("a", "b")), p.errors());
        assertNull(problem(new ProblemException(404, "gone").toResponse()).errors(), "no empty errors list");
    }

    @Test
    void malformedJsonSaysWhereAndAWrongTypeNamesTheField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try {
            json.readTree("{\"text\": ");
        } catch (JsonProcessingException e) {
            Problem p = problem(mappers.json(e));
            assertEquals(400, p.status());
            assertTrue(p.detail().startsWith("malformed JSON at line 1"), p.detail());
        }
        record Body(Integer year) {}
        try {
            json.readValue("{\"year\": \"二〇一九\"}", Body.class);
        } catch (MismatchedInputException e) {
            Problem p = problem(mappers.mismatched(e));
            assertEquals(List.of(new Problem.FieldError("year", "must be a number")), p.errors());
        }
    }

    @Test
    void webExceptionsKeepTheirStatusAndHeadersButNotTheirText() {
        Response r = mappers.web(new NotAllowedException("no POST here", "GET", new String[] {"HEAD"}));
        assertEquals(405, r.getStatus());
        assertTrue(r.getHeaderString("Allow").contains("GET"));
        assertEquals("method not allowed on this resource", problem(r).detail());
        assertEquals(
                "server error",
                problem(mappers.web(new WebApplicationException("secret detail", 502)))
                        .detail());
    }

    @Test
    void anUnexpectedErrorShowsOnlyAnIdToFindTheLogLine() {
        Problem p = problem(mappers.unexpected(new IllegalStateException("password=hunter2 in io.fazhi.Secret")));
        assertEquals(500, p.status());
        assertFalse(p.detail().contains("hunter2") || p.detail().contains("io.fazhi"), p.detail());
        assertTrue(p.detail().startsWith("unexpected error; problem id "), p.detail());
    }

    @Test
    void aBadParameterIsNamed() {
        Problem p = problem(new BadParameterException.Mapper().map(new BadParameterException("size", "must be 1-200")));
        assertEquals(400, p.status());
        assertEquals(List.of(new Problem.FieldError("size", "must be 1-200")), p.errors());
    }

    @Test
    void theBodyLimitProblemSaysWhatTheLimitIs() throws Exception {
        Problem p = new ObjectMapper().readValue(BodyLimitProblems.body(25_165_824), Problem.class);
        assertEquals(413, p.status());
        assertEquals("Content Too Large", p.title());
        assertTrue(p.detail().contains("25165824"), p.detail());
    }
}
