package io.fazhi.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JitActivityTest {
    @Test
    void readsUserAndSystemTicksWhateverTheThreadIsCalled() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        assertEquals(
                1234 + 56,
                JitActivity.ticksOf("4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194624 10 0 0 0 1234 56 0 0 20 0 1"));
        assertEquals(7 + 3, JitActivity.ticksOf("17 (a (strange) name) R 1 17 17 0 -1 0 0 0 0 0 7 3 0 0 20 0 1"));
    }

    @Test
    void theShareIsOfTheTicksBetweenTwoSnapshots() {
        JitActivity.Ticks before = new JitActivity.Ticks(1000, Map.of("1/7", 200L, "1/8", 100L));
        JitActivity.Ticks after = new JitActivity.Ticks(1400, Map.of("1/7", 250L, "1/8", 150L));
        assertEquals(0.25, after.compilingShareSince(before), 1e-9);
        assertEquals(0, before.compilingShareSince(before));
    }

    @Test
    void aCompilerThreadThatEndedOrStartedMeanwhileNeverMakesTheShareNegative() {
        JitActivity.Ticks before = new JitActivity.Ticks(1000, Map.of("1/7", 200L, "1/8", 900L));
        // thread 8 ended (its ticks are gone with it), thread 9 started and used 40
        JitActivity.Ticks after = new JitActivity.Ticks(1200, Map.of("1/7", 260L, "1/9", 40L));
        assertEquals(0.5, after.compilingShareSince(before), 1e-9);
    }

    @Test
    void readsThisProcessOwnStat() {
        Path self = Path.of("/proc/self/stat");
        if (self.toFile().exists()) {
            assertTrue(JitActivity.ticks(self) >= 0);
        }
    }
}
