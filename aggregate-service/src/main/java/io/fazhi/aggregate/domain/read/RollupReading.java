package io.fazhi.aggregate.domain.read;

import io.fazhi.aggregate.model.CitySummary;
import io.fazhi.aggregate.model.FactFilter;
import io.fazhi.aggregate.model.Figure;
import io.fazhi.aggregate.model.MetricFactView;
import io.fazhi.aggregate.model.Page;
import io.fazhi.aggregate.model.ReportFacts;
import io.fazhi.aggregate.model.RollupCell;
import io.fazhi.aggregate.model.RollupFilter;
import io.fazhi.aggregate.persistence.FactQueries;
import io.fazhi.aggregate.persistence.RollupQueries;
import io.fazhi.contracts.Indicators;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The reads of the API and the dashboard: rollup cells, facts, cities, and comparisons on one indicator. */
@ApplicationScoped
public class RollupReading {
    private final RollupQueries rollups;
    private final FactQueries facts;

    public RollupReading(RollupQueries rollups, FactQueries facts) {
        this.rollups = rollups;
        this.facts = facts;
    }

    public Page<RollupCell> cells(RollupFilter filter) {
        return rollups.cells(filter);
    }

    public List<CitySummary> cities(String city) {
        return rollups.cities(city);
    }

    public Page<MetricFactView> facts(FactFilter filter) {
        return facts.facts(filter);
    }

    public Optional<ReportFacts> report(String reportId) {
        return facts.report(reportId);
    }

    /**
     * The agencies or districts of a city-year on one indicator, ranked, with the previous year beside each. Without
     * a unit, the indicator's unit with the most figures; no rows when the indicator has no cell in that city-year.
     */
    public Comparison compare(String city, int year, String indicator, String unit, Comparison.By by) {
        List<String> units = rollups.units(city, year, indicator);
        String chosen = unit != null ? unit : units.isEmpty() ? null : units.get(0);
        List<Figure> current = chosen == null ? List.of() : figures(city, year, indicator, chosen, by);
        List<Figure> previous = current.isEmpty() ? List.of() : figures(city, year - 1, indicator, chosen, by);
        return new Comparison(
                city,
                year,
                indicator,
                Indicators.name(indicator),
                chosen,
                units,
                by,
                FigureComparison.additive(current),
                FigureComparison.rank(current, previous));
    }

    private List<Figure> figures(String city, int year, String indicator, String unit, Comparison.By by) {
        return switch (by) {
            case AGENCY -> rollups.byAgency(city, year, indicator, unit);
            case DISTRICT -> FigureComparison.withCityLevel(rollups.byDistrict(city, year, indicator, unit));
        };
    }
}
