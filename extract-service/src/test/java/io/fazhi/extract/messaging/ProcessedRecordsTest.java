package io.fazhi.extract.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessedRecordsTest {
    private final ProcessedRecords records = new ProcessedRecords();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aRecordDeliveredAgainAfterItSucceededIsNotProcessedAgain() throws Exception {
        assertTrue(records.once("reports.v1", 2, 7, runs::incrementAndGet));
        assertFalse(records.once("reports.v1", 2, 7, runs::incrementAndGet));
        assertEquals(1, runs.get());
        // another offset, or the same offset of another partition, is another record
        assertTrue(records.once("reports.v1", 2, 8, runs::incrementAndGet));
        assertTrue(records.once("reports.v1", 3, 7, runs::incrementAndGet));
        assertEquals(3, runs.get());
    }

    @Test
    void aRecordWhoseFirstDeliveryFailedIsProcessedAgain() throws Exception {
        assertThrows(
                IllegalStateException.class,
                () -> records.once("reports.v1", 0, 1, () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("the engine failed");
                }));
        assertTrue(records.once("reports.v1", 0, 1, runs::incrementAndGet));
        assertEquals(2, runs.get());
    }

    @Test
    void aRepeatDeliveredWhileTheFirstRunsWaitsForItAndSendsNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> call(() -> {
            runs.incrementAndGet();
            started.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> repeat = CompletableFuture.supplyAsync(() -> call(runs::incrementAndGet));
        Thread.sleep(100);
        assertFalse(repeat.isDone(), "the repeat waits while the first delivery runs");
        release.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertFalse(repeat.get(10, TimeUnit.SECONDS), "the first succeeded: the repeat did nothing");
        assertEquals(1, runs.get());
    }

    @Test
    void onlyTheNewestRecordsAreKept() throws Exception {
        for (int offset = 0; offset <= ProcessedRecords.CAPACITY; offset++) {
            records.once("reports.v1", 0, offset, runs::incrementAndGet);
        }
        assertTrue(records.once("reports.v1", 0, 0, runs::incrementAndGet), "the oldest was forgotten");
        assertFalse(records.once("reports.v1", 0, ProcessedRecords.CAPACITY, runs::incrementAndGet));
    }

    private boolean call(ProcessedRecords.Work work) {
        try {
            return records.once("reports.v1", 1, 42, work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
