package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.support.TestEvents.metric;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fazhi.aggregate.support.TestEvents;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in deploy/grafana reads only the documented views, and every one of its queries runs on the
 * real schema with the template variables filled in and returns the report fed in.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class GrafanaDashboardTest {
    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "rollups-dashboard.json");

    @Test
    void everyPanelQueryRunsOnTheViews() throws Exception {
        String city = TestEvents.city("看板市");
        String id = TestEvents.id();
        TestEvents.send(TestEvents.report(
                id,
                1,
                TestEvents.info("司法局", city, "新会区", 2021),
                List.of(metric("42", "件", "行政许可办件", "licensing_handled"))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestEvents.count("SELECT count(*) FROM slice_summary WHERE city = ?", city) == 1);

        JsonNode dashboard = TestEvents.MAPPER.readTree(Files.readString(DASHBOARD));
        List<String> queries = new ArrayList<>();
        dashboard
                .get("templating")
                .get("list")
                .forEach(v -> queries.add(v.get("query").asText()));
        for (JsonNode panel : dashboard.get("panels")) {
            assertEquals(
                    "${DS_FAZHI}",
                    panel.get("datasource").get("uid").asText(),
                    panel.get("title").asText());
            panel.get("targets").forEach(t -> queries.add(t.get("rawSql").asText()));
        }
        assertTrue(queries.size() >= 10);
        for (String sql : queries) {
            assertTrue(
                    sql.matches(
                            "(?s).*aggregate\\.v_(city_year|rollup_city|rollup_district|rollup_agency|metric_fact)\\b.*"),
                    "reads a documented view: " + sql);
            assertFalse(
                    sql.matches("(?s).*aggregate\\.(rollup|rollup_agency|metric_fact|report|report_revision)\\b.*"),
                    "reads no table: " + sql);
            String filled = sql.replace("${city:sqlstring}", "'" + city + "'")
                    .replace("${indicator:sqlstring}", "'licensing_handled'")
                    .replace("$year", "2021")
                    .replace("$indicator", "licensing_handled")
                    .replace("$city", city);
            assertFalse(TestEvents.rows(filled).isEmpty(), "no rows: " + filled);
        }
        assertEquals(
                List.of(List.of("行政许可办件", "licensing_handled")),
                TestEvents.rows("SELECT indicator_name, indicator FROM v_rollup_city WHERE city = ?", city));
        assertEquals(
                List.of(List.of("司法局", "新会区", "42")),
                TestEvents.rows("SELECT agency, district, sum FROM v_rollup_agency WHERE city = ?", city));
    }
}
