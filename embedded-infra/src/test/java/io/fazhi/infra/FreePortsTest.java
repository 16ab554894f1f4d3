package io.fazhi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void noPortIsHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int port = FreePorts.free();
            assertTrue(port > 0 && port < 65536, "port " + port);
            assertTrue(ports.add(port), "port " + port + " handed out twice");
        }
    }

    @Test
    void aPortTheSystemOffersAgainIsSkipped() {
        int first = FreePorts.free();
        java.util.Iterator<Integer> offers = java.util.List.of(first, first, first + 1 == 65536 ? 1 : first + 1)
                .iterator();
        int second = FreePorts.free(offers::next);
        assertTrue(second != first, "the system offered " + first + " again; it was handed out already");
    }

    @Test
    void aGivenPortIsKept() {
        assertEquals(5432, FreePorts.orFree(5432));
    }
}
