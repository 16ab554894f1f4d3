package io.fazhi.ingest.domain.identity;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One agency under the names people give it. 江门市新会区科工商务局 and 新会区科工商务局 (with the city 江门市) are one
 * agency; so are 中山火炬开发区管委会 and 火炬开发区管委会 of 中山市. The key of an agency is its city and its name without
 * the city (or the city's short form) in front; the registry's own name and aliases resolve first (see
 * {@code AgencyStore}), the key is then made from the registry's name and city.
 */
public final class AgencyNames {
    private static final String SEPARATOR = "|";

    private AgencyNames() {}

    /** NFKC, no spaces of any kind. */
    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(b::appendCodePoint);
        return b.isEmpty() ? null : b.toString();
    }

    /** The names a registry entry may know the agency by: as given, without its city, and with it. */
    public static List<String> lookupNames(String name, String city) {
        String n = clean(name);
        if (n == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(n);
        String c = clean(city);
        if (c != null) {
            String local = withoutCity(n, c);
            names.add(local);
            names.add(c + local);
        }
        return List.copyOf(names);
    }

    /** The identity key of an agency: "city|name without the city", or the cleaned name when the city is unknown. */
    public static String key(String name, String city) {
        String n = clean(name);
        if (n == null) {
            return null;
        }
        String c = clean(city);
        return c == null ? n : c + SEPARATOR + withoutCity(n, c);
    }

    /** The name with the city (江门市) or its short form (江门) taken off its front, if it is longer than that. */
    static String withoutCity(String name, String city) {
        for (String prefix : prefixes(city)) {
            // 江门市 itself is not 江门 + 市
            if (name.startsWith(prefix) && name.length() > prefix.length() && !name.equals(city)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static List<String> prefixes(String city) {
        if (city.length() > 2 && (city.endsWith("市") || city.endsWith("县") || city.endsWith("州"))) {
            return List.of(city, city.substring(0, city.length() - 1));
        }
        return List.of(city);
    }
}
