package io.fazhi.extract.messaging;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A Kafka producer interceptor for tests: holds the first send of one armed report key until the test releases it,
 * so the test can act (stop the broker) while that report is being published. Passes every other record through.
 */
public class SendGate implements ProducerInterceptor<Object, Object> {
    private static volatile String armed;
    private static volatile CountDownLatch reached = new CountDownLatch(1);
    private static volatile CountDownLatch released = new CountDownLatch(1);

    /** The next send of a record with this key waits until {@link #release()}. */
    static void arm(String key) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        armed = key;
    }

    /** Whether the armed send is being held. */
    static boolean holding() {
        return reached.getCount() == 0 && released.getCount() == 1;
    }

    static void release() {
        released.countDown();
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        String key = armed;
        if (key != null && key.equals(record.key())) {
            armed = null;
            reached.countDown();
            try {
                released.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
