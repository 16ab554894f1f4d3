package io.fazhi.engine.text;

/**
 * The two-character beginnings of a list of words, kept as one bit per hash (a Bloom filter with one hash function).
 * A scan over a text asks it at every position and moves on at once where no word of the list can begin, which is
 * most positions; a false positive only costs the look-up behind the filter, and there are no false negatives.
 */
public final class CharPairFilter {
    private final long[] bits;
    private final int shift;

    /** An empty filter of {@code 2^log2Bits} bits (6 to 30). */
    public CharPairFilter(int log2Bits) {
        if (log2Bits < 6 || log2Bits > 30) {
            throw new IllegalArgumentException("log2Bits out of 6..30: " + log2Bits);
        }
        bits = new long[1 << (log2Bits - 6)];
        shift = 32 - log2Bits;
    }

    /** Records a word beginning with {@code first}, {@code second}. */
    public void add(char first, char second) {
        int bit = bit(first, second);
        bits[bit >>> 6] |= 1L << bit;
    }

    /** False when no recorded word begins with {@code first}, {@code second}; true when one may. */
    public boolean mayBegin(char first, char second) {
        int bit = bit(first, second);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** Fibonacci hashing of the pair into the filter's bits. */
    private int bit(char first, char second) {
        return ((first << 16 | second) * 0x9E3779B1) >>> shift;
    }
}
