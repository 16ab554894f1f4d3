package io.fazhi.engine.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CharPairFilterTest {
    @Test
    void everyPairAddedMayBeginAndAnEmptyFilterRejectsAll() {
        CharPairFilter empty = new CharPairFilter(16);
        CharPairFilter filter = new CharPairFilter(16);
        Random random = new Random(3);
        char[][] pairs = new char[5000][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new char[] {(char) (0x4E00 + random.nextInt(20000)), (char) (0x4E00 + random.nextInt(20000))};
            filter.add(pairs[i][0], pairs[i][1]);
        }
        int rejected = 0;
        for (char[] p : pairs) {
            assertTrue(filter.mayBegin(p[0], p[1]), "no false negative");
            assertFalse(empty.mayBegin(p[0], p[1]));
        }
        for (int i = 0; i < 5000; i++) {
            if (!filter.mayBegin((char) ('a' + i % 26), (char) (0x4E00 + i))) {
                rejected++;
            }
        }
        assertTrue(rejected > 4000, "most pairs never added are rejected: " + rejected);
    }

    @Test
    void theSizeIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new CharPairFilter(5));
        assertThrows(IllegalArgumentException.class, () -> new CharPairFilter(31));
    }
}
