package io.fazhi.engine;

import io.fazhi.engine.text.CharPairFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A word list as a compact trie, walked one character at a time from a position of a text: finding every word that
 * starts there costs one small step per character and allocates nothing, however many words share a beginning.
 *
 * <p>Compact on purpose: it is consulted at every character of a sentence, between stages that walk large tables
 * of their own, so it must stay in the cache. A bit set (8 KB) answers "does any word start with this character"
 * for most characters; the edges of all nodes are two flat arrays (a few KB for a few hundred words). A
 * double-array trie answers as fast in isolation but spreads over a megabyte for Chinese characters.
 *
 * @param <V> the value stored with each word
 */
final class WordTrie<V> {
    private static final int ROOT = 0;

    /** Bit {@code c}: some word starts with character {@code c}. */
    private final long[] firstChars = new long[1024];
    /** Bit {@code c}: some word is the one character {@code c}. */
    private final long[] oneChars = new long[1024];
    /** The words' first two characters: most pairs of a text start no word. */
    private final CharPairFilter firstPairs = new CharPairFilter(16);
    /** The root's edges as an open-addressing table: character, then the node it leads to (0: empty slot). */
    private final char[] rootChar;

    private final int[] rootTarget;
    private final int rootMask;
    /** Node {@code n}'s edges are {@code [edgeStart[n], edgeStart[n + 1])}, sorted by character. */
    private final int[] edgeStart;

    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final Object[] values;

    private static final class Node {
        final TreeMap<Character, Node> children = new TreeMap<>();
        Object value;
        int id;
    }

    private WordTrie(Node root, int nodes) {
        edgeStart = new int[nodes + 1];
        values = new Object[nodes];
        List<Node> order = new ArrayList<>(nodes);
        ArrayDeque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        int next = 0;
        while (!queue.isEmpty()) { // breadth first: ids in the order nodes are laid out
            Node n = queue.poll();
            n.id = next++;
            order.add(n);
            queue.addAll(n.children.values());
        }
        int edges = 0;
        for (Node n : order) {
            edges += n.children.size();
        }
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        int e = 0;
        for (Node n : order) {
            edgeStart[n.id] = e;
            values[n.id] = n.value;
            for (Map.Entry<Character, Node> child : n.children.entrySet()) {
                edgeChar[e] = child.getKey();
                edgeTarget[e] = child.getValue().id;
                e++;
            }
        }
        edgeStart[nodes] = e;
        int size = 16;
        while (size < root.children.size() * 4) {
            size <<= 1;
        }
        rootChar = new char[size];
        rootTarget = new int[size];
        rootMask = size - 1;
        for (Map.Entry<Character, Node> child : root.children.entrySet()) {
            char c = child.getKey();
            firstChars[c >>> 6] |= 1L << (c & 63);
            if (child.getValue().value != null) {
                oneChars[c >>> 6] |= 1L << (c & 63);
            }
            for (char d : child.getValue().children.keySet()) {
                firstPairs.add(c, d);
            }
            int slot = slot(c);
            while (rootTarget[slot] != 0) {
                slot = (slot + 1) & rootMask;
            }
            rootChar[slot] = c;
            rootTarget[slot] = child.getValue().id;
        }
    }

    /**
     * Whether a word may start at {@code at} of {@code s} (ending before {@code to}): two bit tests that reject most
     * positions before any walk.
     */
    boolean mayStartAt(String s, int at, int to) {
        char a = s.charAt(at);
        if ((firstChars[a >>> 6] & (1L << (a & 63))) == 0) {
            return false;
        }
        if ((oneChars[a >>> 6] & (1L << (a & 63))) != 0) {
            return true;
        }
        if (at + 1 >= to) {
            return false;
        }
        return firstPairs.mayBegin(a, s.charAt(at + 1));
    }

    private int slot(char c) {
        return (c * 0x9E3779B1 >>> 16) & rootMask;
    }

    /** A trie of the given words (non-empty) and their values. */
    static <V> WordTrie<V> of(Map<String, V> words) {
        Node root = new Node();
        int nodes = 1;
        for (Map.Entry<String, V> w : words.entrySet()) {
            if (w.getKey().isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            Node n = root;
            for (char c : w.getKey().toCharArray()) {
                Node child = n.children.get(c);
                if (child == null) {
                    child = new Node();
                    n.children.put(c, child);
                    nodes++;
                }
                n = child;
            }
            n.value = w.getValue();
        }
        return new WordTrie<>(root, nodes);
    }

    /** The state before any character: where every walk starts. */
    int root() {
        return ROOT;
    }

    /** The state after {@code c} from {@code state}, or -1 when no word continues with it. */
    int next(int state, char c) {
        if (state == ROOT) {
            if ((firstChars[c >>> 6] & (1L << (c & 63))) == 0) {
                return -1; // most characters start no word
            }
            for (int slot = slot(c); rootTarget[slot] != 0; slot = (slot + 1) & rootMask) {
                if (rootChar[slot] == c) {
                    return rootTarget[slot];
                }
            }
            return -1;
        }
        if (state < 0) {
            return -1;
        }
        int from = edgeStart[state];
        int to = edgeStart[state + 1];
        if (to - from > 8) {
            int e = Arrays.binarySearch(edgeChar, from, to, c);
            return e < 0 ? -1 : edgeTarget[e];
        }
        for (int e = from; e < to; e++) {
            if (edgeChar[e] == c) {
                return edgeTarget[e];
            }
        }
        return -1;
    }

    /** The value of the word that ends at {@code state} (the characters walked so far), or null. */
    @SuppressWarnings("unchecked")
    V valueAt(int state) {
        return state < 0 ? null : (V) values[state];
    }
}
