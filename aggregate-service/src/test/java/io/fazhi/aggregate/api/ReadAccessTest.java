package io.fazhi.aggregate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With fazhi.read.require-role set, reads need a token with that role; health stays open. The only test with a
 * profile of its own (the app boots a second time for it).
 */
@QuarkusTest
@TestProfile(ReadAccessTest.RequireReader.class)
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class ReadAccessTest {
    public static class RequireReader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fazhi.read.require-role", "reader");
        }
    }

    @Test
    void readsNeedTheRole() {
        given().get("/api/v1/rollups")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("reader"));
        given().header("Authorization", Tokens.withRoles("agency"))
                .get("/api/v1/cities")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.forged())
                .get("/api/v1/rollups")
                .then()
                .statusCode(401);
        given().header("Authorization", Tokens.withRoles("reader"))
                .get("/api/v1/rollups")
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.withRoles("reader"))
                .get("/api/v1/facts/none")
                .then()
                .statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
