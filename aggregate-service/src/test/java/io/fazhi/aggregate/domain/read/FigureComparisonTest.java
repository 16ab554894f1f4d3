package io.fazhi.aggregate.domain.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.aggregate.model.Figure;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agencies and districts ranked with the previous year beside them; the city's own bureaus per district. */
class FigureComparisonTest {
    static Figure figure(String name, String district, int reports, int n, String total, int nonAdditive) {
        return new Figure(name, district, reports, n, new BigDecimal(total), nonAdditive, 0);
    }

    @Test
    void rowsAreRankedAndCarryThePreviousYear() {
        List<Comparison.Row> rows = FigureComparison.rank(
                List.of(
                        figure("司法局", null, 1, 2, "120", 0),
                        figure("新会区政府", "新会区", 1, 1, "300", 0),
                        figure("教育局", null, 1, 1, "40", 0)),
                List.of(figure("司法局", null, 1, 1, "100", 0), figure("教育局", null, 1, 1, "0", 0)));
        assertEquals(
                List.of("新会区政府", "司法局", "教育局"),
                rows.stream().map(Comparison.Row::name).toList());
        assertEquals(List.of(1, 2, 3), rows.stream().map(Comparison.Row::rank).toList());
        Comparison.Row justice = rows.get(1);
        assertEquals(0, new BigDecimal("100").compareTo(justice.previous()));
        assertEquals(0, new BigDecimal("20").compareTo(justice.change()));
        assertEquals(new BigDecimal("0.2000"), justice.changeRatio());
        assertNull(rows.get(0).previous(), "new this year");
        assertNull(rows.get(2).changeRatio(), "no ratio to a previous 0");
        assertEquals(0, new BigDecimal("40").compareTo(rows.get(2).change()));
    }

    @Test
    void ratesCompareByTheirMean() {
        List<Figure> rates = List.of(figure("司法局", null, 1, 2, "190", 2), figure("财政局", null, 1, 1, "99", 1));
        assertFalse(FigureComparison.additive(rates));
        List<Comparison.Row> rows = FigureComparison.rank(rates, List.of());
        assertEquals("财政局", rows.get(0).name());
        assertEquals(new BigDecimal("95"), rows.get(1).value());
    }

    @Test
    void perDistrictTheCityBureausAreWhatRemains() {
        List<Figure> withCity = FigureComparison.withCityLevel(List.of(
                figure(null, null, 4, 5, "500", 0),
                figure("新会区", "新会区", 2, 2, "200", 0),
                figure("蓬江区", "蓬江区", 1, 1, "50", 0)));
        assertEquals(3, withCity.size());
        Figure city = withCity.get(2);
        assertNull(city.name());
        assertEquals(1, city.reports());
        assertEquals(0, new BigDecimal("250").compareTo(city.total()));
        assertTrue(FigureComparison.additive(withCity));
        assertEquals(
                2,
                FigureComparison.withCityLevel(List.of(
                                figure(null, null, 1, 1, "5", 0),
                                figure("新会区", "新会区", 1, 1, "5", 0),
                                figure("台山市", "台山市", 0, 0, "0", 0)))
                        .size(),
                "nothing remains for the city's bureaus: no row");
    }
}
