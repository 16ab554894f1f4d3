package io.fazhi.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical indicators a city compares across its reports, from {@code indicators.tsv} beside this class (the
 * city's list; extend it as data, keep the ids stable). The extraction engine assigns them; rollups, exports and
 * dashboards show them by their Chinese name.
 */
public final class Indicators {
    /**
     * One indicator.
     *
     * @param id     stable identifier (snake_case)
     * @param name   the Chinese name a dashboard shows
     * @param kind   the unit kind its metrics must have
     * @param covers what it covers, with typical wording and units
     */
    public record Indicator(String id, String name, UnitKind kind, String covers) {}

    private static final Map<String, Indicator> BY_ID = load();

    /** Every indicator, in the order of the file. */
    public static final List<Indicator> ALL = List.copyOf(BY_ID.values());

    private Indicators() {}

    /** The indicator with that id, or null. */
    public static Indicator byId(String id) {
        return id == null ? null : BY_ID.get(id);
    }

    /** The Chinese name of an indicator id, or null when the id is null or unknown. */
    public static String name(String id) {
        Indicator i = byId(id);
        return i == null ? null : i.name();
    }

    private static Map<String, Indicator> load() {
        Map<String, Indicator> byId = new LinkedHashMap<>();
        try (InputStream in = Indicators.class.getResourceAsStream("indicators.tsv")) {
            if (in == null) {
                throw new IllegalStateException("indicators.tsv missing beside " + Indicators.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 3) {
                    throw new IllegalStateException("indicators.tsv: malformed line: " + line);
                }
                UnitKind kind = UnitKind.of(f[2].strip());
                if (kind == null) {
                    throw new IllegalStateException("indicators.tsv: unknown kind in: " + line);
                }
                String name = f[1].strip();
                if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
                }
                Indicator i = new Indicator(f[0].strip(), name, kind, f.length > 3 ? f[3].strip() : "");
                if (byId.put(i.id(), i) != null) {
                    throw new IllegalStateException("indicators.tsv: duplicate id " + i.id());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(byId);
    }

    /** The ids, for validation messages. */
    public static List<String> ids() {
        return new ArrayList<>(BY_ID.keySet());
    }
}
