package io.fazhi.extract.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction engine: plain Java, no framework. This first version splits numbered sections and finds Arabic
 * numbers followed by a measure word; categories and metadata come from the uploader.
 */
public final class Extractor {
    /** Changes whenever the extraction rules change, so reprocessing can tell old results from new. */
    public static final String VERSION = "0.1.0";

    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(?:([一二三四五六七八九十]+)、|[(（]([一二三四五六七八九十]+)[)）]|(\\d{1,2})[.、](?!\\d)|[(（](\\d{1,2})[)）])");
    private static final Pattern METRIC = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s?(万|亿)?(个工作日|人次|件|份|项|个|人|次|家|场|条|宗|名|元|%)");

    public Extraction extract(ReportInput input) {
        String text = input.text() == null ? "" : input.text();
        List<Section> sections = new ArrayList<>();
        int[] counters = new int[5];
        String heading = null;
        int level = 0;
        String path = "";
        int sectionStart = 0;
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            Matcher h = HEADING.matcher(line);
            if (h.find()) {
                sections.add(section(heading, level, path, sectionStart, text, offset));
                level = h.group(1) != null ? 1 : h.group(2) != null ? 2 : h.group(3) != null ? 3 : 4;
                counters[level]++;
                for (int l = level + 1; l < counters.length; l++) {
                    counters[l] = 0;
                }
                StringBuilder p = new StringBuilder();
                for (int l = 1; l <= level; l++) {
                    p.append(l > 1 ? "." : "").append(counters[l]);
                }
                path = p.toString();
                heading = line.strip();
                sectionStart = offset;
            }
            offset += line.length() + 1;
        }
        sections.add(section(heading, level, path, sectionStart, text, text.length()));
        ReportMetadata meta = new ReportMetadata(input.agency(), input.city(), input.district(), null, input.year(),
                input.published(), input.title());
        return new Extraction(meta, new Compliance(false, false, false, false, false), List.of(), sections);
    }

    private static Section section(String heading, int level, String path, int start, String text, int end) {
        List<Metric> metrics = new ArrayList<>();
        Matcher m = METRIC.matcher(text).region(start, Math.min(end, text.length()));
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1));
            if ("万".equals(m.group(2))) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            } else if ("亿".equals(m.group(2))) {
                value = value.multiply(BigDecimal.valueOf(100_000_000));
            }
            String unit = m.group(3);
            String label = text.substring(Math.max(start, m.start() - 6), m.start()).strip();
            metrics.add(new Metric(value.stripTrailingZeros(), unit, null, label, null, m.group(), null, m.start()));
        }
        return new Section(heading, level, path, "other", start, metrics);
    }
}
