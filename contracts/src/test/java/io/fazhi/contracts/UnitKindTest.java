package io.fazhi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitKindTest {
    @Test
    void countsPeopleAndMoneyAddUpRatesAndDurationsDoNot() {
        assertTrue(UnitKind.COUNT.additive());
        assertTrue(UnitKind.PERSON.additive());
        assertTrue(UnitKind.MONEY.additive());
        assertFalse(UnitKind.PERCENT.additive());
        assertFalse(UnitKind.DURATION.additive());
    }

    @Test
    void idsAreTheLowerCaseNamesAndReadBack() {
        for (UnitKind k : UnitKind.values()) {
            assertEquals(k.name().toLowerCase(java.util.Locale.ROOT), k.id());
            assertEquals(k, UnitKind.of(k.id()));
        }
        assertEquals("percent", UnitKind.PERCENT.id());
    }

    @Test
    void unknownOrMissingKindsAreNotAdditive() {
        assertNull(UnitKind.of(null));
        assertNull(UnitKind.of("COUNT"), "ids are lower case, as in events");
        assertNull(UnitKind.of("weight"));
        assertFalse(UnitKind.isAdditive(null));
        assertFalse(UnitKind.isAdditive("weight"));
        assertTrue(UnitKind.isAdditive("money"));
        assertFalse(UnitKind.isAdditive("duration"));
    }
}
