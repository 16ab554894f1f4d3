package io.fazhi.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the engine's data files from {@code src/main/resources/engine} (for every stage, including subpackages). */
public final class EngineData {
    private EngineData() {}

    /** The rows of a tab-separated resource, without blank lines and {@code #} comments; columns padded to {@code columns}. */
    public static List<String[]> rows(String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(name)) {
            String[] parts = line.split("\t", -1);
            String[] row = new String[Math.max(columns, parts.length)];
            for (int i = 0; i < row.length; i++) {
                row[i] = i < parts.length ? parts[i].strip() : "";
            }
            rows.add(row);
        }
        return rows;
    }

    /** The lines of a resource, without blank lines and {@code #} comments. */
    public static List<String> lines(String name) {
        String path = "/engine/" + name;
        try (InputStream in = EngineData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing engine resource " + path);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
