package io.fazhi.extract.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The records of {@code reports.v1} this instance processed or is processing, by partition and offset, so that a
 * record delivered to it again is not extracted and published a second time. That happens when an offset commit
 * fails (the broker restarted, the group's coordinator moved) and the group rebalances: the partition is read again
 * from the last committed offset, often while the first delivery is still waiting for the broker. The first
 * delivery's outcome decides: while it runs, a repeat waits for it; once it succeeded, the repeat is acknowledged
 * with nothing sent; had it failed, the repeat is processed. A record is one delivery, so a report submitted again
 * (reprocessing, a replay) is a new record and always processed.
 *
 * <p>Bounded: the newest {@value #CAPACITY} records. A record redelivered to another instance is processed again
 * there; aggregate-service's idempotency by event id makes that harmless.
 */
final class ProcessedRecords {
    static final int CAPACITY = 4096;

    /** Work that may fail. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private final Map<String, CompletableFuture<Void>> records = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * Runs the work for this record unless an earlier delivery of it succeeded (or, still running, then succeeds).
     *
     * @return whether the work ran
     */
    boolean once(String topic, int partition, long offset, Work work) throws Exception {
        String record = topic + "-" + partition + "@" + offset;
        while (true) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> earlier;
            synchronized (records) {
                earlier = records.get(record);
                if (earlier == null || earlier.isCompletedExceptionally()) {
                    records.put(record, mine);
                    earlier = null;
                }
            }
            if (earlier == null) {
                try {
                    work.run();
                    mine.complete(null);
                    return true;
                } catch (Exception | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                earlier.join();
                return false;
            } catch (CompletionException | CancellationException failed) {
                // the earlier delivery failed: this one is processed as the first
            }
        }
    }
}
