package io.fazhi.kafka;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * One poll of a batch consumer, read: the events its records carry, in order, and the records no retry can read
 * (poison), which go to the channel's dead-letter topic while the rest of the batch is applied.
 *
 * @param events the records that were read, with their events
 * @param poison the records that could not be read, with the reason
 */
public record EventBatch<T>(List<Read<T>> events, List<Poison> poison) {
    private static final Logger LOG = Logger.getLogger(EventBatch.class);

    /** A record and the event read from it. */
    public record Read<T>(KafkaRecord<String, String> record, T event) {}

    /** A record no retry can process, and why. */
    public record Poison(KafkaRecord<String, String> record, Exception reason) {
        /**
         * Hands the record to the channel's failure strategy ({@link DeadLetterPoisonOnly}: the dead-letter topic)
         * and waits until it is there, so that the batch is acknowledged only after it. A failure to get it there
         * (the broker away) is thrown, for the consumer to retry ({@link TransientRetry}).
         */
        public void deadLetter() throws Exception {
            LOG.errorf(
                    "record of report %s (%s-%d) dead-lettered: %s",
                    record.getKey(), record.getTopic(), record.getPartition(), reason.getMessage());
            record.nack(reason).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads every record of the batch with {@code reader} (for instance {@link EventDecoder#decode}); a record it
     * refuses with a {@link PoisonMessageException} is poison.
     */
    public static <T> EventBatch<T> read(KafkaRecordBatch<String, String> batch, Function<String, T> reader) {
        List<Read<T>> events = new ArrayList<>(batch.getRecords().size());
        List<Poison> poison = new ArrayList<>();
        for (KafkaRecord<String, String> r : batch.getRecords()) {
            try {
                events.add(new Read<>(r, reader.apply(r.getPayload())));
            } catch (PoisonMessageException e) {
                poison.add(new Poison(r, e));
            }
        }
        return new EventBatch<>(events, poison);
    }

    /** The events alone, in the order of their records. */
    private List<T> eventsOnly() {
        return events.stream().map(Read::event).toList();
    }

    /** Work on some of the batch's events, in order. */
    @FunctionalInterface
    public interface Work<T> {
        void apply(List<T> events) throws Exception;
    }

    /**
     * Applies the events all at once; should that fail in a way no retry can outlast ({@code refusedForGood}), applies
     * them one at a time, so that only the events refused on their own join the poison. Any other failure is thrown.
     *
     * @return every record to dead-letter: the unreadable ones, then the refused ones
     */
    public List<Poison> applyAllOrOneByOne(String channel, Work<T> work, Predicate<Exception> refusedForGood)
            throws Exception {
        List<Poison> refused = new ArrayList<>(poison);
        if (events.isEmpty()) {
            return refused;
        }
        try {
            work.apply(eventsOnly());
            return refused;
        } catch (Exception e) {
            if (!refusedForGood.test(e)) {
                throw e;
            }
            LOG.warnf("%s: a batch of %d events was refused (%s); applying them one by one", channel, events.size(), e);
        }
        for (Read<T> r : events) {
            try {
                work.apply(List.of(r.event()));
            } catch (Exception one) {
                if (!refusedForGood.test(one)) {
                    throw one;
                }
                refused.add(new Poison(r.record(), one));
            }
        }
        return refused;
    }
}
