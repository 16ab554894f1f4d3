package io.fazhi.ingest.domain.identity;

import io.fazhi.engine.text.Han;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A MinHash sketch of a normalised report text, to find the same report in another form (with site chrome, pinyin
 * glosses, page numbers, a corrected figure) without comparing texts.
 *
 * <p>The features are the overlapping {@value #SHINGLE}-character shingles of the text's Chinese characters and digits
 * (punctuation, spaces, Latin letters and pinyin dropped). Each shingle is hashed once (a rolling hash, mixed) and
 * kept in one of {@value #BINS} bins by its top bits, the bin keeping its smallest hash: one-permutation MinHash,
 * linear in the text and with no allocation per shingle. Empty bins (short texts) borrow from the next full bin
 * (rotation densification). The share of equal bins estimates the Jaccard similarity of the two shingle sets.
 *
 * <p>For the lookup, the bins are cut into {@value #BANDS} bands of {@value #ROWS}: two texts share a band key with
 * probability 1 - (1 - s^8)^32: over 99.99% at s = 0.90, 12% at s = 0.5, under 1% at s = 0.35, so a lookup probes 32 index keys and
 * compares the few reports found that share at least {@link #MIN_SHARED_BANDS} of them.
 *
 * <p>{@link #SAME_REPORT} is the similarity from which two texts are the same report; measured on the samples (see
 * {@code SimilaritySketchTest}, which prints them), each form read as the service reads it: a web page with the site's chrome, GBK
 * text, Traditional script, pinyin glosses, a PDF with page numbers, a corrected figure all 0.99-1.00; the other
 * samples at most 0.03; another year of the same report template (same headings, 80% of its sentences carried over,
 * other figures) at most 0.81.
 */
public final class SimilaritySketch {
    public static final int SHINGLE = 5;
    public static final int BINS = 256;
    public static final int BANDS = 32;
    public static final int ROWS = BINS / BANDS;
    public static final double SAME_REPORT = 0.90;

    /**
     * The fewest band keys two sketches at least {@link #SAME_REPORT} similar share: at most {@code BINS - e} bins
     * differ ({@code e} the fewest equal bins that reach the threshold), each breaks at most one band, so at least
     * {@code BANDS - (BINS - e)} bands are whole (7 of 32). A lookup skips every revision sharing fewer: none of them
     * can be the same report, and reports written to a common outline share a band or two by chance.
     */
    public static final int MIN_SHARED_BANDS = minSharedBands();

    private static final int EMPTY = -1; // unsigned max: no hash smaller than it was seen
    private static final long BASE = 1_000_003L;
    private static final long BASE_POW = pow(BASE, SHINGLE - 1);
    private static final int ROTATION = 0x9e3779b9;

    private final int[] bins;

    private SimilaritySketch(int[] bins) {
        this.bins = bins;
    }

    /** The sketch of a normalised text, or null when it has fewer than {@value #SHINGLE} Chinese characters and digits. */
    public static SimilaritySketch of(CharSequence text) {
        int[] bins = new int[BINS];
        Arrays.fill(bins, EMPTY);
        int[] ring = new int[SHINGLE];
        int seen = 0;
        long rolling = 0;
        boolean any = false;
        for (int i = 0, n = text.length(); i < n; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (!(Han.isHan(cp) || (cp >= '0' && cp <= '9'))) {
                continue;
            }
            int slot = seen % SHINGLE;
            if (seen >= SHINGLE) {
                rolling -= ring[slot] * BASE_POW;
            }
            ring[slot] = cp;
            rolling = rolling * BASE + cp;
            seen++;
            if (seen >= SHINGLE) {
                long h = mix(rolling);
                int bin = (int) (h >>> 56);
                int value = (int) h;
                if (Integer.compareUnsigned(value, bins[bin]) < 0) {
                    bins[bin] = value;
                }
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        densify(bins);
        return new SimilaritySketch(bins);
    }

    /** Fills each empty bin from the next bin that a shingle filled, offset by the distance (rotation). */
    private static void densify(int[] bins) {
        int[] filled = bins.clone();
        for (int b = 0; b < BINS; b++) {
            if (filled[b] != EMPTY) {
                continue;
            }
            for (int d = 1; d < BINS; d++) {
                int from = filled[(b + d) % BINS];
                if (from != EMPTY) {
                    bins[b] = from + d * ROTATION;
                    break;
                }
            }
        }
    }

    /** The estimated Jaccard similarity of the two texts' shingle sets, 0..1. */
    public double similarity(SimilaritySketch other) {
        int equal = 0;
        for (int b = 0; b < BINS; b++) {
            if (bins[b] == other.bins[b]) {
                equal++;
            }
        }
        return equal / (double) BINS;
    }

    /** Whether the two texts are the same report by their sketches. */
    public boolean sameReport(SimilaritySketch other) {
        return similarity(other) >= SAME_REPORT;
    }

    /** The {@value #BANDS} LSH keys: a text sharing one of them is a candidate. */
    public long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = band + 1L;
            for (int r = 0; r < ROWS; r++) {
                h = h * BASE + (bins[band * ROWS + r] & 0xffffffffL);
            }
            keys[band] = mix(h);
        }
        return keys;
    }

    /** The bins as {@value #BINS} big-endian 32-bit values, for storage. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(BINS * 4);
        for (int v : bins) {
            b.putInt(v);
        }
        return b.array();
    }

    /** The sketch stored by {@link #toBytes()}, or null for none (or one of another size). */
    public static SimilaritySketch fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != BINS * 4) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int[] bins = new int[BINS];
        for (int i = 0; i < BINS; i++) {
            bins[i] = b.getInt();
        }
        return new SimilaritySketch(bins);
    }

    /** MurmurHash3's 64-bit finaliser: spreads the rolling hash over all bits. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static int minSharedBands() {
        int equal = 0;
        while (equal / (double) BINS < SAME_REPORT) {
            equal++;
        }
        return Math.max(1, BANDS - (BINS - equal));
    }

    private static long pow(long base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }
}
