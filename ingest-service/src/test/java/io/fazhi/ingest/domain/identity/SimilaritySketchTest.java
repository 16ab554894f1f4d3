package io.fazhi.ingest.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.engine.Normaliser;
import io.fazhi.ingest.domain.document.DocumentReader;
import io.fazhi.ingest.domain.document.UsableText;
import io.fazhi.ingest.fixtures.Documents;
import io.fazhi.ingest.fixtures.SampleReports;
import io.fazhi.ingest.fixtures.SampleReports.Sample;
import io.fazhi.ingest.fixtures.TestLimits;
import io.fazhi.ingest.fixtures.Variants;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The threshold {@link SimilaritySketch#SAME_REPORT}, measured on the five samples through the service's own reading
 * of each form (HTML article, charset detection, PDF text, the engine's normaliser): every variant of a sample must
 * reach it, no other sample and no other year of the same report template may. The printed table is the
 * measurement the README quotes.
 */
class SimilaritySketchTest {
    private static final Normaliser NORMALISER = new Normaliser();
    private static final DocumentReader READER = new DocumentReader(TestLimits.DEFAULT);

    /** What the service would sketch for these bytes. */
    private static SimilaritySketch sketch(byte[] bytes, String mediaType, String fileName) {
        String text =
                UsableText.of(READER.read(bytes, mediaType, null, fileName).text(), 2_000_000);
        return SimilaritySketch.of(NORMALISER.normalise(text).text());
    }

    private static SimilaritySketch sketch(String text) {
        return sketch(text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
    }

    private static String title(Sample s) {
        return (s.agency() != null ? s.agency() : s.city() + s.district()) + s.year() + "年法治政府建设年度报告";
    }

    @Test
    void variantsOfASampleAreTheSameReportAndOtherReportsAreNot() {
        List<Sample> samples = SampleReports.all();
        double lowestSame = 1;
        double highestOther = 0;
        StringBuilder table = new StringBuilder("sample | variant | similarity\n");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            SimilaritySketch original = sketch(s.text());
            Map<String, SimilaritySketch> same = new LinkedHashMap<>();
            same.put(
                    "web page with chrome (GBK)",
                    sketch(Variants.webPage(s.text(), title(s)).getBytes(Charset.forName("GBK")), "text/html", null));
            same.put("GBK text", sketch(s.text().getBytes(Charset.forName("GBK")), "text/plain", null));
            same.put("Traditional script", sketch(Variants.traditional(s.text())));
            same.put("pinyin glosses", sketch(Variants.withPinyin(s.text())));
            same.put(
                    "PDF with page numbers",
                    sketch(Documents.pdf(Variants.pdfLines(s.text(), 38), 45, true), "application/pdf", "r.pdf"));
            same.put("a corrected figure", sketch(s.text().replaceFirst("\\d+", "9876")));
            for (Map.Entry<String, SimilaritySketch> e : same.entrySet()) {
                double sim = original.similarity(e.getValue());
                table.append(s.file())
                        .append(" | ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(String.format("%.3f", sim))
                        .append('\n');
                lowestSame = Math.min(lowestSame, sim);
                assertTrue(sim >= SimilaritySketch.SAME_REPORT, s.file() + " as " + e.getKey() + ": " + sim);
            }
            Map<String, SimilaritySketch> other = new LinkedHashMap<>();
            String next = samples.get((i + 1) % samples.size()).text();
            other.put("next year, 50% of sentences kept", sketch(Variants.nextYear(s.text(), next, s.year(), 0.5, 7)));
            other.put("next year, 80% of sentences kept", sketch(Variants.nextYear(s.text(), next, s.year(), 0.8, 7)));
            for (int j = 0; j < samples.size(); j++) {
                if (j != i) {
                    other.put(
                            "vs " + samples.get(j).file(), sketch(samples.get(j).text()));
                }
            }
            for (Map.Entry<String, SimilaritySketch> e : other.entrySet()) {
                double sim = original.similarity(e.getValue());
                table.append(s.file())
                        .append(" | ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(String.format("%.3f", sim))
                        .append('\n');
                highestOther = Math.max(highestOther, sim);
                assertTrue(sim < SimilaritySketch.SAME_REPORT, s.file() + " " + e.getKey() + ": " + sim);
            }
        }
        System.out.printf(
                "%sthreshold %.2f: same report >= %.3f, other reports <= %.3f%n",
                table, SimilaritySketch.SAME_REPORT, lowestSame, highestOther);
    }

    @Test
    void theSketchEstimatesJaccardAndSurvivesStorage() {
        String text = SampleReports.all().get(0).text();
        SimilaritySketch a = SimilaritySketch.of(NORMALISER.normalise(text).text());
        assertEquals(1.0, a.similarity(SimilaritySketch.fromBytes(a.toBytes())));
        assertEquals(SimilaritySketch.BANDS, a.bandKeys().length);
        // half of the text: about a third of the shingles in common with the whole (|A ∩ B| / |A ∪ B| = 1/2)
        SimilaritySketch half = SimilaritySketch.of(text.substring(0, text.length() / 2));
        double s = a.similarity(half);
        assertTrue(s > 0.35 && s < 0.65, "half the text estimated at " + s);
        assertNull(SimilaritySketch.of("abc ..."), "no Chinese, no sketch");
        assertNotNull(SimilaritySketch.of("依法行政全面"), "a short text still has one");
        assertNull(SimilaritySketch.fromBytes(new byte[3]));
    }

    @Test
    void nearDuplicatesShareABandKeyAndUnrelatedReportsDoNot() {
        List<Sample> samples = SampleReports.all();
        SimilaritySketch a = sketch(samples.get(1).text());
        SimilaritySketch chrome = sketch(
                Variants.webPage(samples.get(1).text(), "某局报告").getBytes(Charset.forName("GBK")), "text/html", null);
        SimilaritySketch other = sketch(samples.get(2).text());
        assertTrue(sharedBands(a, chrome) > 0, "a near duplicate is found by the index");
        assertEquals(0, sharedBands(a, other), "an unrelated report is not even a candidate");
    }

    @Test
    void aSketchAtTheThresholdSharesAtLeastTheLookupsBandsAndOneBinLessFallsBelowIt() {
        SimilaritySketch a = sketch(SampleReports.all().get(0).text());
        int differing = SimilaritySketch.BANDS - SimilaritySketch.MIN_SHARED_BANDS;
        assertEquals(7, SimilaritySketch.MIN_SHARED_BANDS, "0.90 of 256 bins in 32 bands of 8");
        // the worst case: each differing bin in a band of its own, so as many bands as possible are broken
        SimilaritySketch worst = withBinsChanged(a, differing, SimilaritySketch.ROWS);
        assertTrue(a.sameReport(worst), "similarity " + a.similarity(worst));
        assertEquals(SimilaritySketch.MIN_SHARED_BANDS, sharedBands(a, worst));
        // one more differing bin, in a band still whole: no longer the same report, and one band fewer shared
        SimilaritySketch below = withBinsChanged(a, differing + 1, SimilaritySketch.ROWS);
        assertFalse(a.sameReport(below), "similarity " + a.similarity(below));
        assertEquals(SimilaritySketch.MIN_SHARED_BANDS - 1, sharedBands(a, below));
        // the same number of differing bins packed into few bands leaves more bands whole, never fewer
        SimilaritySketch packed = withBinsChanged(a, differing, 1);
        assertTrue(a.sameReport(packed));
        assertTrue(sharedBands(a, packed) > SimilaritySketch.MIN_SHARED_BANDS);
    }

    /** The sketch with {@code count} bins changed, {@code stride} bins apart from the first. */
    private static SimilaritySketch withBinsChanged(SimilaritySketch s, int count, int stride) {
        ByteBuffer b = ByteBuffer.wrap(s.toBytes());
        for (int i = 0; i < count; i++) {
            int at = i * stride * 4;
            b.putInt(at, b.getInt(at) ^ 0x5bd1e995);
        }
        return SimilaritySketch.fromBytes(b.array());
    }

    private static int sharedBands(SimilaritySketch a, SimilaritySketch b) {
        long[] x = a.bandKeys();
        long[] y = b.bandKeys();
        int shared = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                shared++;
            }
        }
        return shared;
    }
}
