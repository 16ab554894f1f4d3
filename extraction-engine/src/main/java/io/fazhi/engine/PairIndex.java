package io.fazhi.engine;

import io.fazhi.engine.text.CharPairFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Words of two or more characters indexed by their first two characters (an open-addressing table over an int
 * key), so a scan tests only the few words that can start at a position. Words keep the order they were added in.
 */
final class PairIndex<T> {
    private final int[] keys;
    private final Object[][] values;
    private final int mask;
    private final boolean[] first = new boolean[65536];
    /** A cache-friendly filter (65,536 bits) in front of the table: most character pairs start no word. */
    private final CharPairFilter filter = new CharPairFilter(16);

    PairIndex(List<T> items, Function<T, String> word) {
        int size = 16;
        while (size < items.size() * 3) {
            size <<= 1;
        }
        keys = new int[size];
        values = new Object[size][];
        mask = size - 1;
        List<List<T>> groups = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            groups.add(null);
        }
        for (T item : items) {
            String w = word.apply(item);
            if (w.length() < 2) {
                throw new IllegalArgumentException("word shorter than two characters: " + w);
            }
            first[w.charAt(0)] = true;
            int key = key(w.charAt(0), w.charAt(1));
            filter.add(w.charAt(0), w.charAt(1));
            int slot = slot(key);
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            if (groups.get(slot) == null) {
                groups.set(slot, new ArrayList<>());
            }
            groups.get(slot).add(item);
        }
        for (int i = 0; i < size; i++) {
            if (groups.get(i) != null) {
                values[i] = groups.get(i).toArray();
            }
        }
    }

    private static int key(char a, char b) {
        return (a << 16) | b | 0x80000000;
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The words that start with the two characters at {@code at} (in insertion order), or null. */
    Object[] candidates(String text, int at) {
        if (at + 1 >= text.length() || !first[text.charAt(at)]) {
            return null;
        }
        char a = text.charAt(at);
        char b = text.charAt(at + 1);
        if (!filter.mayBegin(a, b)) {
            return null;
        }
        int key = key(a, b);
        int slot = slot(key);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }
}
