package io.fazhi.deploy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.deploy.LocalStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportVariantsTest {
    private static final Path REPO =
            Path.of(System.getProperty("fazhi.repo", "..")).toAbsolutePath().normalize();

    @Test
    void everyVariantIsADistinctTextWithItsOwnKeyAndTheSampleTitle() {
        ReportVariants variants = new ReportVariants(REPO, "test");
        Set<String> texts = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            GeneratedReport r = variants.variant(i, ReportVariants.slice(i));
            assertTrue(texts.add(r.text()), "distinct text " + i);
            assertTrue(keys.add(r.idempotencyKey()), "distinct key " + i);
            assertEquals(
                    variants.variant(i + 5, ReportVariants.slice(i))
                            .text()
                            .lines()
                            .findFirst(),
                    r.text().lines().findFirst(),
                    "the sample's first line stays first");
            assertTrue(r.text().contains("第" + i + "号测试报告"), "names the variant");
        }
    }

    /**
     * No two variants, and no variant and its sample, are near duplicates: the exact Jaccard similarity of their
     * 5-character shingles of Han characters and digits (what ingest-service's MinHash sketch estimates) stays far
     * below the 0.90 from which two texts are one report. Variants of the same sample are the closest pairs.
     */
    @Test
    void noTwoVariantsAreNearDuplicates() {
        ReportVariants variants = new ReportVariants(REPO, "test");
        List<Set<String>> sketches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sketches.add(shingles(variants.variant(i, ReportVariants.slice(i)).text()));
        }
        double closest = 0;
        for (int i = 0; i < sketches.size(); i++) {
            for (int j = i + 1; j < sketches.size(); j++) {
                closest = Math.max(closest, jaccard(sketches.get(i), sketches.get(j)));
            }
        }
        assertTrue(closest < 0.75, "the closest two variants have similarity " + closest);
        for (LocalStack.Sample s : LocalStack.samples(REPO)) {
            Set<String> sample = shingles(s.text(REPO));
            for (Set<String> v : sketches) {
                assertTrue(jaccard(sample, v) < 0.75, s.file() + " and a variant of it are near duplicates");
            }
        }
    }

    @Test
    void everyVariantIsItsOwnAgency() {
        ReportVariants variants = new ReportVariants(REPO, "test");
        Set<String> agencies = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertTrue(agencies.add(variants.variant(i, ReportVariants.slice(0)).agency()), "agency of " + i);
        }
    }

    private static Set<String> shingles(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.isDigit(c))
                .forEach(kept::appendCodePoint);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= kept.length(); i++) {
            out.add(kept.substring(i, i + 5));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    @Test
    void twoRunsNeverShareATextOrAKey() {
        GeneratedReport a = new ReportVariants(REPO, "run-a").variant(7, ReportVariants.slice(0));
        GeneratedReport b = new ReportVariants(REPO, "run-b").variant(7, ReportVariants.slice(0));
        assertTrue(!a.text().equals(b.text()) && !a.idempotencyKey().equals(b.idempotencyKey()));
    }

    @Test
    void slicesSpreadOverCitiesAndYearsBeforeRepeating() {
        Set<ReportVariants.Slice> slices = new HashSet<>();
        int distinct = ReportVariants.CITIES.size() * ReportVariants.YEARS;
        for (int i = 0; i < distinct; i++) {
            slices.add(ReportVariants.slice(i));
        }
        assertEquals(distinct, slices.size());
        assertEquals(ReportVariants.slice(0), ReportVariants.slice(distinct));
    }
}
