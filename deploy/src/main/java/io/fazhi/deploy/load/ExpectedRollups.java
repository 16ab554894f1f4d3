package io.fazhi.deploy.load;

import io.fazhi.contracts.UnitKind;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportInput;
import io.fazhi.engine.ReportMetadata;
import io.fazhi.engine.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rollup cells a set of uploaded reports must produce, computed independently of aggregate-service: the
 * extraction engine runs in this JVM on every text uploaded (with the metadata uploaded, as extract-service runs
 * it), and the metrics are summed per cell.
 *
 * <p>A cell is city x year x district ('' = the whole city) x indicator x rollup unit, for metrics with an
 * indicator; the sum only for additive unit kinds ({@link UnitKind#additive()}). A metric without an indicator is a
 * fact of its report, in no cell.
 */
public final class ExpectedRollups {

    /** One metric of one report, as the cells need it. */
    record Fact(
            String reportId,
            String city,
            int year,
            String district,
            String indicator,
            String rollupUnit,
            String unitKind,
            BigDecimal value) {}

    /** The expected totals of one cell. */
    public static final class Cell {
        int observations;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min;
        BigDecimal max;
        boolean additive;
        final Set<String> reports = new HashSet<>();

        void add(Fact f, boolean additiveKind) {
            observations++;
            sum = sum.add(f.value());
            min = min == null || f.value().compareTo(min) < 0 ? f.value() : min;
            max = max == null || f.value().compareTo(max) > 0 ? f.value() : max;
            additive = additiveKind;
            reports.add(f.reportId());
        }

        public int observations() {
            return observations;
        }

        /** The sum, or null when the unit kind does not add up. */
        public BigDecimal sum() {
            return additive ? sum : null;
        }

        public BigDecimal min() {
            return min;
        }

        public BigDecimal max() {
            return max;
        }

        public int reports() {
            return reports.size();
        }
    }

    private final Extractor extractor;
    private final List<Fact> facts = new ArrayList<>();

    public ExpectedRollups(Extractor extractor) {
        this.extractor = extractor;
    }

    /** Extracts the report as extract-service would and keeps its metrics under the accepted report id. */
    public synchronized void add(String reportId, GeneratedReport report) {
        Extraction x = extractor.extract(new ReportInput(
                report.text(), report.agency(), report.city(), report.district(), report.year(), null, null));
        ReportMetadata m = x.metadata();
        if (m.city() == null || m.year() == null) {
            return; // not in any rollup slice
        }
        for (Section s : x.sections()) {
            for (Metric metric : s.metrics()) {
                facts.add(new Fact(
                        reportId,
                        m.city(),
                        m.year(),
                        m.district(),
                        metric.indicator(),
                        metric.rollupUnit(),
                        metric.unitKind(),
                        metric.value()));
            }
        }
    }

    /** The metrics kept so far. */
    public synchronized int metricCount() {
        return facts.size();
    }

    /** The expected cells, by {@link #key}. */
    public synchronized Map<String, Cell> cells() {
        Map<String, Cell> cells = new TreeMap<>();
        for (Fact f : facts) {
            if (f.indicator() == null || f.unitKind() == null) {
                continue; // a one-off figure: a fact, not a rollup cell
            }
            List<String> districts = new ArrayList<>(List.of(""));
            if (f.district() != null && !f.district().isEmpty()) {
                districts.add(f.district());
            }
            boolean additive = UnitKind.isAdditive(f.unitKind());
            for (String district : districts) {
                String key = key(f.city(), f.year(), district, f.indicator(), f.rollupUnit());
                cells.computeIfAbsent(key, k -> new Cell()).add(f, additive);
            }
        }
        return cells;
    }

    /** The (city, year) slices with expected facts. */
    public synchronized Set<String> slices() {
        Set<String> slices = new java.util.TreeSet<>();
        facts.forEach(f -> slices.add(f.city() + "|" + f.year()));
        return slices;
    }

    /** The districts with facts in a slice. */
    public synchronized Set<String> districts(String city, int year) {
        Set<String> districts = new java.util.TreeSet<>();
        for (Fact f : facts) {
            if (f.city().equals(city)
                    && f.year() == year
                    && f.district() != null
                    && !f.district().isEmpty()) {
                districts.add(f.district());
            }
        }
        return districts;
    }

    /** A cell key: its coordinates joined by '|'. */
    public static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (!b.isEmpty()) {
                b.append('|');
            }
            b.append(p == null ? "" : p);
        }
        return b.toString();
    }
}
