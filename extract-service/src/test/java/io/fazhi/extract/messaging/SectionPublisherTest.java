package io.fazhi.extract.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportStatusChanged;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.ReportInput;
import io.fazhi.kafka.TransientRetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the publisher retries (plain unit test: the channels answer as each test scripts them, the broker's side is
 * covered by {@code BrokerOutageTest}): an event is never sent again while an earlier send of it is still without an
 * answer, and a failed send is sent again unless the topic holds it anyway.
 */
class SectionPublisherTest {
    private static Extraction extraction;
    private static final String VERSION = "test-version";

    @BeforeAll
    static void extract() throws Exception {
        String text = Files.readString(
                Path.of("../deploy/samples/jiangmen-xinhui-sci-industry-commerce-bureau-2019.txt"),
                StandardCharsets.UTF_8);
        extraction = new Extractor().extract(ReportInput.ofText(text));
        assertTrue(extraction.sections().size() > 3, "the sample has sections to publish");
    }

    @Test
    void aSendStillWithoutAnAnswerWhenAnAttemptStopsWaitingIsNotSentAgain() throws Exception {
        // the first send of section 2 is answered (acknowledged) only after 1 s; the publisher waits 200 ms
        ScriptedChannel<SectionExtracted> sections = new ScriptedChannel<>((n, event) -> n == 2
                ? CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                : CompletableFuture.completedFuture(null));
        ScriptedChannel<ReportStatusChanged> status = ScriptedChannel.acknowledgingAll();
        SectionPublisher publisher = publisher(sections, status, Duration.ofMillis(200), id -> Set.of());

        publisher.publish(report(), extraction, VERSION);

        Map<String, Long> sends = sections.sendsPerEvent(SectionExtracted::eventId);
        assertEquals(extraction.sections().size(), sends.size(), "every section was sent");
        sends.forEach((id, count) -> assertEquals(1L, count, id + " sent once"));
        assertEquals(1, status.sent().size(), "one EXTRACTED");
    }

    @Test
    void aFailedSendIsSentAgainUnlessTheTopicHoldsItAnyway() throws Exception {
        int sectionCount = extraction.sections().size();
        // the first attempt fails for every section (delivery timeout); section 1 was written all the same
        ScriptedChannel<SectionExtracted> sections = new ScriptedChannel<>((n, event) -> n < sectionCount
                ? CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("expired"))
                : CompletableFuture.completedFuture(null));
        ScriptedChannel<ReportStatusChanged> status = ScriptedChannel.acknowledgingAll();
        String writtenAnyway = SectionExtracted.eventId(report().reportId(), 1, VERSION, 1);
        SectionPublisher publisher = publisher(sections, status, Duration.ofSeconds(5), id -> Set.of(writtenAnyway));

        publisher.publish(report(), extraction, VERSION);

        Map<String, Long> sends = sections.sendsPerEvent(SectionExtracted::eventId);
        assertEquals(sectionCount, sends.size(), "every section was sent");
        sends.forEach((id, count) -> assertEquals(id.equals(writtenAnyway) ? 1L : 2L, count, id));
        assertEquals(1, status.sent().size(), "one EXTRACTED");
    }

    private static SectionPublisher publisher(
            ScriptedChannel<SectionExtracted> sections,
            ScriptedChannel<ReportStatusChanged> status,
            Duration sendTimeout,
            Function<String, Set<String>> onTopic) {
        SectionLog log = new SectionLog("127.0.0.1:1", new ObjectMapper()) {
            @Override
            public Set<String> eventIdsSince(String reportId, Instant since) {
                return onTopic.apply(reportId);
            }
        };
        TransientRetry retry =
                new TransientRetry(new SimpleMeterRegistry(), Duration.ofMillis(10), Duration.ofMillis(50));
        return new SectionPublisher(sections, status, retry, log, sendTimeout);
    }

    private static ReportSubmitted report() {
        String title = "2019年法治政府建设年度报告";
        return new ReportSubmitted(
                ReportSubmitted.SCHEMA_VERSION,
                "report-1",
                1,
                "区司法局",
                "市",
                "区",
                2019,
                title,
                "2020-01-15",
                null,
                "",
                Instant.EPOCH,
                false);
    }

    /** A channel that records each send when it is made and answers it as scripted (by send number and event). */
    static final class ScriptedChannel<T> implements MutinyEmitter<T> {
        private final List<T> sent = Collections.synchronizedList(new ArrayList<>());
        private final BiFunction<Integer, T, CompletableFuture<Void>> answer;

        ScriptedChannel(BiFunction<Integer, T, CompletableFuture<Void>> answer) {
            this.answer = answer;
        }

        static <T> ScriptedChannel<T> acknowledgingAll() {
            return new ScriptedChannel<>((n, event) -> CompletableFuture.completedFuture(null));
        }

        List<T> sent() {
            return List.copyOf(sent);
        }

        Map<String, Long> sendsPerEvent(Function<T, String> id) {
            return sent().stream().collect(Collectors.groupingBy(id, Collectors.counting()));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <M extends Message<? extends T>> Uni<Void> sendMessage(M message) {
            return Uni.createFrom().deferred(() -> {
                T event = (T) message.getPayload();
                int n;
                synchronized (sent) {
                    n = sent.size();
                    sent.add(event);
                }
                return Uni.createFrom().completionStage(answer.apply(n, event));
            });
        }

        @Override
        public Uni<Void> send(T payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(T payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(T payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends T>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends T>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends T>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {}

        @Override
        public void error(Exception e) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
