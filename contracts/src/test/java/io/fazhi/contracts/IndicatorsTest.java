package io.fazhi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
    /** The data rows of indicators.tsv, read here without the class under test. */
    private static List<String[]> rows() throws IOException {
        try (InputStream in = Indicators.class.getResourceAsStream("indicators.tsv")) {
            assertNotNull(in, "indicators.tsv beside Indicators");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1))
                    .toList();
        }
    }

    @Test
    void everyRowOfTheFileIsOneIndicatorWithAUniqueId() throws IOException {
        List<String[]> rows = rows();
        assertTrue(rows.size() >= 60, "the city's list has about 64 indicators, got " + rows.size());
        assertEquals(rows.size(), Indicators.ALL.size());
        Set<String> ids = new HashSet<>(Indicators.ids());
        assertEquals(rows.size(), ids.size(), "ids are unique");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i)[0].strip(), Indicators.ALL.get(i).id(), "file order is kept");
        }
    }

    @Test
    void everyIndicatorHasASnakeCaseIdAChineseNameAndAKnownKind() throws IOException {
        for (String[] row : rows()) {
            assertTrue(row.length >= 3, "id, name and kind in " + String.join("|", row));
            assertNotNull(UnitKind.of(row[2].strip()), "kind of " + row[0] + ": " + row[2]);
        }
        for (Indicators.Indicator i : Indicators.ALL) {
            assertTrue(i.id().matches("[a-z][a-z0-9_]*"), "snake_case id: " + i.id());
            assertTrue(
                    i.name().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "Chinese name of " + i.id() + ": " + i.name());
            assertFalse(
                    i.name().length() > 1
                            && i.name().startsWith("\"")
                            && i.name().endsWith("\""),
                    "TSV quoting removed from " + i.name());
            assertNotNull(i.kind(), i.id());
        }
    }

    @Test
    void lookUpByIdAndName() {
        Indicators.Indicator first = Indicators.ALL.get(0);
        assertEquals(first, Indicators.byId(first.id()));
        assertEquals(first.name(), Indicators.name(first.id()));
        assertNull(Indicators.byId("no_such_indicator"));
        assertNull(Indicators.byId(null));
        assertNull(Indicators.name(null));
    }

    @Test
    void theListsCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> Indicators.ALL.remove(0));
        List<String> ids = Indicators.ids();
        ids.clear(); // a copy: the caller may change it
        assertFalse(Indicators.ids().isEmpty());
    }

    @Test
    void indicatorsOfEveryKindExist() {
        Set<UnitKind> kinds = new HashSet<>();
        Indicators.ALL.forEach(i -> kinds.add(i.kind()));
        assertTrue(kinds.contains(UnitKind.COUNT), kinds.toString());
        assertTrue(kinds.contains(UnitKind.PERCENT), kinds.toString());
        assertTrue(kinds.contains(UnitKind.MONEY), kinds.toString());
    }
}
