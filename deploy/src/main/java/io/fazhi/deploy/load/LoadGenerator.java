package io.fazhi.deploy.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads a list of reports through several concurrent clients, either as fast as they are answered or at a fixed
 * rate (open loop: a report is due every 1/rate seconds whether or not earlier ones were answered, up to the number
 * of clients in flight). Runs in the background; {@link #await()} returns every outcome.
 */
public final class LoadGenerator {
    private final UploadClient client;
    private final int clients;
    private final Queue<UploadClient.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private CountDownLatch done;
    private ScheduledExecutorService pacer;

    public LoadGenerator(UploadClient client, int clients) {
        this.client = client;
        this.clients = clients;
    }

    /**
     * Starts uploading.
     *
     * @param ratePerSecond reports due per second; 0 for as fast as the clients are answered
     */
    public LoadGenerator start(List<GeneratedReport> reports, double ratePerSecond) {
        Queue<GeneratedReport> queue = new ConcurrentLinkedQueue<>(reports);
        Semaphore due = new Semaphore(0);
        if (ratePerSecond > 0) {
            pacer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "load-pacer"));
            long periodMicros = Math.max(1, Math.round(1_000_000 / ratePerSecond));
            pacer.scheduleAtFixedRate(due::release, 0, periodMicros, TimeUnit.MICROSECONDS);
        }
        done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            daemon(
                            () -> {
                                try {
                                    while (true) {
                                        if (ratePerSecond > 0) {
                                            due.acquire();
                                        }
                                        GeneratedReport next = queue.poll();
                                        if (next == null) {
                                            return;
                                        }
                                        UploadClient.Outcome o = client.upload(next);
                                        outcomes.add(o);
                                        if (o.accepted()) {
                                            accepted.incrementAndGet();
                                        }
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                } finally {
                                    done.countDown();
                                }
                            },
                            "load-client-" + i)
                    .start();
        }
        return this;
    }

    /** Reports accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Waits until every report was uploaded (or given up) and returns the outcomes. */
    public List<UploadClient.Outcome> await() throws InterruptedException {
        done.await();
        if (pacer != null) {
            pacer.shutdownNow();
        }
        return new ArrayList<>(outcomes);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
