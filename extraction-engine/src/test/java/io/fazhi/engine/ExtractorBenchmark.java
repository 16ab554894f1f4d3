package io.fazhi.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Throughput of the extraction engine on the five samples, single thread.
 *
 * <p>Run (from the repository root; not part of the normal build):
 *
 * <pre>
 * ./mvnw -q -pl extraction-engine -am -Pbench verify
 * </pre>
 *
 * <p>The {@code utf8Bytes} line is bytes of report text (UTF-8) per second: divide by 1,000,000 for MB/s. One
 * operation extracts all five samples ({@code extractAllSamples} ops/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
@Warmup(iterations = 12, time = 2) // the JIT keeps compiling the engine for about 20 s
@Measurement(iterations = 5, time = 2)
public class ExtractorBenchmark {
    private Extractor extractor;
    private List<String> texts;
    private long utf8PerOp;
    private long charsPerOp;

    /** Bytes and characters of report text processed, reported by JMH as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long utf8Bytes;
        public long chars;

        @Setup(Level.Iteration)
        public void reset() {
            utf8Bytes = 0;
            chars = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        Path dir = samples();
        texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String t = Files.readString(p, StandardCharsets.UTF_8);
                texts.add(t);
                utf8PerOp += t.getBytes(StandardCharsets.UTF_8).length;
                charsPerOp += t.length();
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no samples in " + dir);
        }
        extractor = new Extractor();
    }

    private static Path samples() {
        Path cwd = Path.of(System.getProperty("user.dir"));
        for (Path candidate : List.of(cwd.resolve("../deploy/samples"), cwd.resolve("deploy/samples"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("deploy/samples not found from " + cwd);
    }

    @Benchmark
    public void extractAllSamples(Throughput counters, Blackhole bh) {
        for (String t : texts) {
            bh.consume(extractor.extract(ReportInput.ofText(t)));
        }
        counters.utf8Bytes += utf8PerOp;
        counters.chars += charsPerOp;
    }
}
