package io.fazhi.engine.metadata;

import io.fazhi.engine.EngineData;
import io.fazhi.engine.text.Han;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What names a reporting body: the endings of organisation names and the kind of body each makes
 * ({@code engine/bodies.tsv}), how a report speaks of its own body ({@code engine/self-refs.tsv}), and the national
 * bodies whose local offices carry their name before the place ({@code engine/national-prefixes.txt}).
 */
final class Bodies {
    /** The kind of body a name ending makes. */
    enum Kind {
        GOVERNMENT,
        ZONE,
        TOWN,
        BUREAU,
        PARTY
    }

    /** How a report speaks of its own body: {@code 我局} is the self reference {@code 局}. */
    record SelfRef(String word, String level, List<String> endings) {}

    private record Ending(String text, Kind kind) {}

    /** The longest organisation name taken (longer runs are sentences, not names). */
    static final int MAX_NAME = 24;

    private final List<Ending> endings = new ArrayList<>();
    private final List<SelfRef> selfRefs = new ArrayList<>();
    private final List<String> nationalPrefixes = new ArrayList<>();
    private final List<String> nameStops = new ArrayList<>();
    private final List<SelfRef> scopeRefs = new ArrayList<>();

    Bodies() {
        for (String[] r : EngineData.rows("bodies.tsv", 2)) {
            endings.add(new Ending(r[0], Kind.valueOf(r[1].toUpperCase(java.util.Locale.ROOT))));
        }
        endings.sort(Comparator.comparingInt((Ending e) -> e.text().length()).reversed());
        for (String[] r : EngineData.rows("self-refs.tsv", 3)) {
            selfRefs.add(new SelfRef(r[0], r[1], List.of(r[2].split(" "))));
        }
        selfRefs.sort(Comparator.comparingInt((SelfRef s) -> s.word().length()).reversed());
        for (String line : EngineData.lines("national-prefixes.txt")) {
            nationalPrefixes.add(line.strip());
        }
        for (String line : EngineData.lines("name-stops.txt")) {
            nameStops.add(line.strip());
        }
        for (String[] r : EngineData.rows("scope-refs.tsv", 2)) {
            scopeRefs.add(new SelfRef(r[0], r[1], List.of()));
        }
        scopeRefs.sort(Comparator.comparingInt((SelfRef s) -> s.word().length()).reversed());
    }

    /** Whether running text at {@code at} goes on with a verb or preposition, so a body's name cannot go on there. */
    boolean nameStopsAt(CharSequence s, int at) {
        for (String w : nameStops) {
            if (regionMatches(s, at, w)) {
                return true;
            }
        }
        return false;
    }

    /** The kind of body {@code name} names by its ending, or null when it ends with no organisation ending. */
    Kind kindOf(String name) {
        Ending e = endingAt(name, name.length());
        return e == null ? null : e.kind();
    }

    /** The length of the longest organisation ending that ends at {@code end}, or 0. */
    int endingLength(CharSequence s, int end) {
        Ending e = endingAt(s, end);
        return e == null ? 0 : e.text().length();
    }

    private Ending endingAt(CharSequence s, int end) {
        for (Ending e : endings) {
            int start = end - e.text().length();
            if (start >= 0 && regionMatches(s, start, e.text())) {
                return e;
            }
        }
        return null;
    }

    List<SelfRef> selfRefs() {
        return selfRefs;
    }

    /** How a report speaks of the whole area its body governs (全县, 全市 …: {@code engine/scope-refs.tsv}). */
    List<SelfRef> scopeRefs() {
        return scopeRefs;
    }

    /** Where a national body's name that ends right at {@code start} begins (国家税务总局|广州市…), else {@code start}. */
    int nationalPrefixStart(CharSequence s, int start) {
        for (String p : nationalPrefixes) {
            if (start - p.length() >= 0 && regionMatches(s, start - p.length(), p)) {
                return start - p.length();
            }
        }
        return start;
    }

    /** The length of a national body's name starting at {@code at} (国家税务总局), or 0. */
    int nationalPrefixLength(CharSequence s, int at) {
        for (String p : nationalPrefixes) {
            if (regionMatches(s, at, p)) {
                return p.length();
            }
        }
        return 0;
    }

    /** True when every character is Han or a bracket (组织 names such as 高新区(新市区)人民政府). */
    static boolean nameChars(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Han.isHan(c) && c != '(' && c != ')') {
                return false;
            }
        }
        return true;
    }

    static boolean regionMatches(CharSequence s, int at, String word) {
        if (at < 0 || at + word.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (s.charAt(at + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
