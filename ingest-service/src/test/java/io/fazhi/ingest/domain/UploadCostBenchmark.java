package io.fazhi.ingest.domain;

import io.fazhi.engine.Extractor;
import io.fazhi.engine.Normaliser;
import io.fazhi.ingest.domain.document.UsableText;
import io.fazhi.ingest.domain.identity.ContentFingerprint;
import io.fazhi.ingest.fixtures.SampleReports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU work of one upload in the domain, before its two statements: the text checked and cleaned, the engine's
 * normalisation, the SHA-256 and the MinHash sketch with its LSH keys, the engine's metadata. One operation does it
 * for all five samples (102 KB of UTF-8); {@code fingerprintOnly} isolates hash and sketch, which are linear in the
 * text and allocate two small arrays.
 *
 * <p>Run: {@code ./mvnw -q -pl ingest-service -am -Pbench-ingest verify} (this JMH benchmark and the HTTP one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class UploadCostBenchmark {
    private final Normaliser normaliser = new Normaliser();
    private final Extractor extractor = new Extractor();
    private List<String> texts;
    private List<String> normalised;
    private long bytes;

    @Setup
    public void setUp() {
        texts = SampleReports.all().stream().map(SampleReports.Sample::text).toList();
        normalised = texts.stream().map(t -> normaliser.normalise(t).text()).toList();
        bytes = texts.stream()
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        System.out.println("five samples, " + bytes + " bytes of UTF-8");
    }

    @Benchmark
    public void uploadDomainWork(Blackhole bh) {
        for (String raw : texts) {
            String text = UsableText.of(raw, 2_000_000);
            String n = normaliser.normalise(text).text();
            ContentFingerprint f = ContentFingerprint.of(n);
            bh.consume(f.sketch() == null ? null : f.sketch().bandKeys());
            bh.consume(extractor.metadata(n));
        }
    }

    @Benchmark
    public void fingerprintOnly(Blackhole bh) {
        for (String n : normalised) {
            ContentFingerprint f = ContentFingerprint.of(n);
            bh.consume(f.sketch().bandKeys());
        }
    }
}
