package io.fazhi.deploy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
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
