package io.fazhi.engine;

import java.util.ArrayList;
import java.util.List;

/** Canonical metric keys from {@code engine/metric-keys.tsv}: the first row whose unit kind fits and whose word the label holds. */
public final class MetricKeys {
    private record Row(String key, List<String> kinds, String[] words) {}

    private final List<Row> rows = new ArrayList<>();

    public MetricKeys() {
        for (String[] r : EngineData.rows("metric-keys.tsv", 3)) {
            List<String> kinds = r[1].isEmpty() || r[1].equals("any") ? List.of() : List.of(r[1].split(","));
            rows.add(new Row(r[0], kinds, r[2].split("\\|")));
        }
    }

    /** The key for a label and a unit kind (count, person, money, percent, duration), or null. */
    public String key(String label, String kind) {
        if (label == null || label.isEmpty()) {
            return null;
        }
        for (Row row : rows) {
            if (!row.kinds().isEmpty() && !row.kinds().contains(kind)) {
                continue;
            }
            for (String w : row.words()) {
                if (!w.isEmpty() && label.contains(w)) {
                    return row.key();
                }
            }
        }
        return null;
    }
}
