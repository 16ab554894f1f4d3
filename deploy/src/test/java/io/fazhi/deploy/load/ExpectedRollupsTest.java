package io.fazhi.deploy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.UnitKind;
import io.fazhi.deploy.load.ExpectedRollups.Cell;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportInput;
import io.fazhi.engine.Section;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected cells, checked against the engine's own metrics of the same texts. */
class ExpectedRollupsTest {
    private static final Path REPO =
            Path.of(System.getProperty("fazhi.repo", "..")).toAbsolutePath().normalize();
    private static final Extractor ENGINE = new Extractor();

    @Test
    void cellsSumTheMetricsOfEveryReportPerCityAndPerDistrict() {
        ReportVariants variants = new ReportVariants(REPO, "cells");
        ExpectedRollups expected = new ExpectedRollups(ENGINE);
        ReportVariants.Slice slice = new ReportVariants.Slice("江门市", 2019);
        BigDecimal additive = BigDecimal.ZERO;
        int withIndicator = 0;
        for (int i = 0; i < 10; i++) {
            GeneratedReport r = variants.variant(i, slice);
            GeneratedReport inDistrict =
                    new GeneratedReport(r.idempotencyKey(), r.text(), r.agency(), r.city(), "新会区", r.year());
            expected.add("report-" + i, inDistrict);
            for (Section s : ENGINE.extract(new ReportInput(r.text(), null, "江门市", "新会区", 2019, null, null))
                    .sections()) {
                for (Metric m : s.metrics()) {
                    if (m.indicator() != null && m.unitKind() != null) {
                        withIndicator++;
                        if (UnitKind.isAdditive(m.unitKind())) {
                            additive = additive.add(m.value());
                        }
                    }
                }
            }
        }
        Map<String, Cell> cells = expected.cells();
        assertFalse(cells.isEmpty());
        int observations = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            assertEquals("江门市", k[0]);
            assertEquals("2019", k[1]);
            if (k[2].isEmpty()) {
                observations += e.getValue().observations();
                sum = e.getValue().sum() == null ? sum : sum.add(e.getValue().sum());
                Cell district = cells.get(ExpectedRollups.key(k[0], k[1], "新会区", k[3], k[4]));
                assertNotNull(district, "the district has the city's cell " + e.getKey());
                assertEquals(e.getValue().observations(), district.observations());
            }
            assertTrue(e.getValue().reports() >= 1 && e.getValue().reports() <= 10);
        }
        assertEquals(withIndicator, observations, "every metric with an indicator is in one city-wide cell");
        assertEquals(0, additive.compareTo(sum), "sums of the additive kinds");
    }

    @Test
    void ratesAreNotSummedAndOneOffFiguresAreNoIndicatorCell() {
        ExpectedRollups expected = new ExpectedRollups(ENGINE);
        expected.add(
                "r1",
                new GeneratedReport(
                        "k1",
                        "江门市司法局2019年法治政府建设年度报告\n一、主要举措和成效\n(一)优化政务服务。全年办理行政许可事项120件，" + "按时办结率达100%。新建停车场3个。",
                        null,
                        "江门市",
                        null,
                        2019));
        for (Map.Entry<String, Cell> e : expected.cells().entrySet()) {
            if (e.getKey().endsWith("|%")) {
                assertNull(e.getValue().sum(), "a rate has no sum: " + e.getKey());
            }
            assertFalse(e.getKey().split("\\|", -1)[3].isEmpty(), "only metrics with an indicator: " + e.getKey());
        }
        assertTrue(expected.metricCount() >= expected.cells().size());
    }

    @Test
    void anApiRowHasTheKeyOfItsExpectedCell() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                ExpectedRollups.key("江门市", 2019, "", "licensing_handled", "件"),
                RollupComparison.key(json.readTree("{\"city\":\"江门市\",\"year\":2019,\"district\":null,"
                        + "\"indicator\":\"licensing_handled\",\"unit\":\"件\"}")));
        assertEquals(
                ExpectedRollups.key("江门市", 2019, "新会区", "satisfaction_rate", "%"),
                RollupComparison.key(json.readTree("{\"city\":\"江门市\",\"year\":2019,\"district\":\"新会区\","
                        + "\"indicator\":\"satisfaction_rate\",\"unit\":\"%\"}")));
    }
}
