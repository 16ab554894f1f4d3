package io.fazhi.ingest.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgencyNamesTest {
    @Test
    void theNameWithAndWithoutItsCityIsOneAgency() {
        String key = AgencyNames.key("江门市新会区科工商务局", "江门市");
        assertEquals("江门市|新会区科工商务局", key);
        assertEquals(key, AgencyNames.key("新会区科工商务局", "江门市"));
        assertEquals(key, AgencyNames.key(" 江门市 新会区科工商务局\u3000", "江门市"), "spaces of any kind do not count");
        assertEquals(
                AgencyNames.key("中山火炬开发区管委会", "中山市"),
                AgencyNames.key("火炬开发区管委会", "中山市"),
                "the city's short form in front (中山) counts as the city");
        assertNotEquals(key, AgencyNames.key("新会区科工商务局", "阳江市"), "another city, another agency");
        assertEquals("江门市", AgencyNames.key("江门市", "江门市").substring(4), "a name that is only the city stays");
        assertNull(AgencyNames.key(null, "江门市"));
        assertEquals("新会区科工商务局", AgencyNames.key("新会区科工商务局", null), "no city: the name as it is");
    }

    @Test
    void theRegistryIsAskedUnderEveryFormOfTheName() {
        assertEquals(java.util.List.of("新会区科工商务局", "江门市新会区科工商务局"), AgencyNames.lookupNames("新会区科工商务局", "江门市"));
        assertTrue(AgencyNames.lookupNames("江门市新会区科工商务局", "江门市").contains("新会区科工商务局"));
        assertEquals(java.util.List.of(), AgencyNames.lookupNames(" ", "江门市"));
    }
}
