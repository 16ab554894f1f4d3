package io.fazhi.aggregate;

import static io.fazhi.aggregate.TestEvents.metric;
import static io.fazhi.aggregate.TestEvents.section;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.infra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in deploy/grafana reads only the documented views, and every one of its queries runs on the
 * real schema with the template variables filled in and returns the report fed in.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class GrafanaDashboardTest {
    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "rollups-dashboard.json");

    @Test
    void everyPanelQueryRunsOnTheViews() throws Exception {
        String city = TestEvents.city("看板市");
        String id = UUID.randomUUID().toString();
        ReportInfo info = TestEvents.info("司法局", city, "新会区", "bureau", 2021, "2022-03-01", TestEvents.allParts());
        TestEvents.sendAll(List.of(section(
                id,
                1,
                "g1",
                0,
                1,
                info,
                "government_functions",
                List.of(metric("42", "件", "行政许可", "admin_licensing")))));
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
                    sql.matches("(?s).*aggregate\\.v_(city_year|rollup_city|rollup_district|metric_fact)\\b.*"),
                    "reads a documented view: " + sql);
            assertFalse(
                    sql.matches("(?s).*aggregate\\.(rollup|metric_fact|report|report_revision)\\b.*"),
                    "reads no table: " + sql);
            String filled = sql.replace("${city:sqlstring}", "'" + city + "'")
                    .replace("${metric:sqlstring}", "'admin_licensing'")
                    .replace("$year", "2021")
                    .replace("$metric", "admin_licensing")
                    .replace("$city", city);
            List<List<String>> rows = TestEvents.rows(filled);
            assertFalse(rows.isEmpty(), "no rows: " + filled);
        }
    }
}
