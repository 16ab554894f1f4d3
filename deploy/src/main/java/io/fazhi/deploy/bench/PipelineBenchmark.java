package io.fazhi.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.deploy.LocalStack;
import io.fazhi.deploy.LocalStack.Service;
import io.fazhi.deploy.load.GeneratedReport;
import io.fazhi.deploy.load.LoadGenerator;
import io.fazhi.deploy.load.Percentiles;
import io.fazhi.deploy.load.ReportVariants;
import io.fazhi.deploy.load.StatusWatcher;
import io.fazhi.deploy.load.UploadClient;
import io.fazhi.engine.Extraction;
import io.fazhi.engine.Extractor;
import io.fazhi.engine.Metric;
import io.fazhi.engine.ReportInput;
import io.fazhi.engine.Section;
import io.fazhi.infra.DataDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code deploy/bench/run}: the pipeline benchmark. Starts the stack with production durability (PostgreSQL with
 * fsync and synchronous commit as a process of its own, the services' producers with acks=all) and measures in one
 * run: the raw limits of broker and database, the sustained reports/s at full speed, the latency upload ->
 * AGGREGATED at a fixed rate, and the cost of completing one report in slices of growing size; prints the figures
 * and their ratios.
 */
public final class PipelineBenchmark {
    /** The services count as warm once their JIT compilers take less than this share of their CPU. */
    static final double WARM_JIT_SHARE = 0.05;

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        System.out.println("pipeline benchmark: " + o);
        DataDirectories.deleteRecursively(o.data()); // fresh data and logs for every run
        LocalStack stack = LocalStack.start(
                LocalStack.Options.fresh(o.repo(), o.data()).withBackends(LocalStack.BackendKind.SEPARATE_PROCESSES));
        try (StatusWatcher status = new StatusWatcher(stack.backends().bootstrapServers())) {
            run(stack, status, o);
        } finally {
            stack.close();
        }
        System.exit(0);
    }

    private static void run(LocalStack stack, StatusWatcher status, BenchOptions o) throws Exception {
        ReportVariants variants =
                new ReportVariants(o.repo(), "bench" + Instant.now().getEpochSecond());
        UploadClient client =
                new UploadClient(() -> stack.url(Service.INGEST), stack.operatorToken(), Duration.ofMinutes(2));
        int next = 0;

        // ---- raw limits, on the stack's own broker and database, with the pipeline's payloads and metric rows
        List<GeneratedReport> sample = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sample.add(variants.variant(1_000_000 + i, ReportVariants.slice(i)));
        }
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        List<String> payloads = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        Extractor extractor = new Extractor();
        int metrics = 0;
        for (GeneratedReport r : sample) {
            String id = java.util.UUID.randomUUID().toString();
            payloads.add(json.writeValueAsString(new ReportSubmitted(
                    ReportSubmitted.SCHEMA_VERSION,
                    id,
                    1,
                    r.agency(),
                    r.city(),
                    null,
                    r.year(),
                    null,
                    null,
                    null,
                    r.text(),
                    Instant.now(),
                    false)));
            Extraction x =
                    extractor.extract(new ReportInput(r.text(), r.agency(), r.city(), null, r.year(), null, null));
            int index = 0;
            for (Section s : x.sections()) {
                for (Metric m : s.metrics()) {
                    rows.add(tsvRow(id, index, s.category(), m));
                    metrics++;
                }
                index++;
            }
        }
        double metricsPerReport = (double) metrics / sample.size();
        int payloadBytes = (int) payloads.stream()
                .mapToInt(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .average()
                .orElse(0);
        System.out.printf(
                "raw limits (payload %d B on average, %.1f metrics per report) ...%n", payloadBytes, metricsPerReport);
        double kafka = RawLimits.kafkaProduceConsume(stack.backends().bootstrapServers(), payloads, o.kafkaRecords());
        double copy = RawLimits.postgresCopy(stack.backends().jdbcUrl(), rows, o.copyRows());
        double commits = RawLimits.postgresOneRowCommits(stack.backends().jdbcUrl(), o.commits());
        double copyReports = copy / metricsPerReport;
        System.out.printf("  Kafka produce+consume   %,10.0f records/s (acks=all, idempotent)%n", kafka);
        System.out.printf("  PostgreSQL COPY         %,10.0f metric rows/s = %,.0f reports/s%n", copy, copyReports);
        System.out.printf("  PostgreSQL commits      %,10.0f one-row transactions/s%n", commits);

        // ---- warm-up, not measured: in production the services run warm, so rounds of --warmup reports are sent
        // until the services' JIT compilers take under WARM_JIT_SHARE of their CPU (at most --warmup-max reports)
        int warmed = 0;
        while (o.warmupReports() > 0 && warmed < o.warmupMax()) {
            int round = Math.min(o.warmupReports(), o.warmupMax() - warmed);
            List<GeneratedReport> warmup = new ArrayList<>();
            for (int i = 0; i < round; i++) {
                warmup.add(variants.variant(next++, ReportVariants.slice((warmed + i) % o.slices())));
            }
            JitActivity.Ticks before = JitActivity.snapshot(stack);
            Instant roundStart = Instant.now();
            List<String> ids = acceptedIds(
                    new LoadGenerator(client, o.clients()).start(warmup, 0).await());
            status.awaitAggregated(ids, Duration.ofSeconds(120), Duration.ofMinutes(30));
            double roundRate = ids.size() / seconds(roundStart, Instant.now());
            double compiling = JitActivity.snapshot(stack).compilingShareSince(before);
            warmed += round;
            System.out.printf(
                    "warm-up: %,d reports (not measured); this round %.1f reports/s, JIT compiling %.0f%% of the"
                            + " services' CPU%n",
                    warmed, roundRate, 100 * compiling);
            if (compiling < WARM_JIT_SHARE) {
                break;
            }
        }

        // ---- sustained throughput at full speed
        List<GeneratedReport> sustained = new ArrayList<>();
        for (int i = 0; i < o.sustainedReports(); i++) {
            sustained.add(variants.variant(next++, ReportVariants.slice(i % o.slices())));
        }
        System.out.printf(
                "sustained: %d reports over %d slices by %d clients as fast as answered ...%n",
                sustained.size(), o.slices(), o.clients());
        Map<String, Duration> cpuBefore = ProcessCpu.snapshot(stack);
        JitActivity.Ticks jitBefore = JitActivity.snapshot(stack);
        Instant start = Instant.now();
        List<UploadClient.Outcome> up =
                new LoadGenerator(client, o.clients()).start(sustained, 0).await();
        Instant uploaded = Instant.now();
        List<String> ids = acceptedIds(up);
        status.awaitAggregated(ids, Duration.ofSeconds(120), Duration.ofMinutes(30));
        Instant last = ids.stream()
                .map(status::aggregatedAt)
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElse(Instant.now());
        long aggregated = status.aggregatedOf(ids);
        Map<String, Duration> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(stack));
        double jitShare = JitActivity.snapshot(stack).compilingShareSince(jitBefore);
        double sustainedRate = aggregated / seconds(start, last);
        System.out.printf(
                "  uploads accepted        %,10.1f reports/s (%d of %d accepted)%n",
                ids.size() / seconds(start, uploaded), ids.size(), sustained.size());
        System.out.printf(
                "  aggregated              %,10.1f reports/s (%d AGGREGATED in %.1f s)%n",
                sustainedRate, aggregated, seconds(start, last));

        String cpuPerReport = cpuPerReport(cpu, aggregated);
        System.out.println("  CPU per report          " + cpuPerReport);
        System.out.printf("  JIT compiling           %.0f%% of the services' CPU%n", 100 * jitShare);

        // ---- latency at a fixed rate
        int latencyReports = (int) Math.round(o.latencyRate() * o.latencySeconds());
        List<GeneratedReport> paced = new ArrayList<>();
        for (int i = 0; i < latencyReports; i++) {
            paced.add(variants.variant(next++, ReportVariants.slice(i % o.slices())));
        }
        System.out.printf("latency: %d reports at %.0f/s ...%n", latencyReports, o.latencyRate());
        List<UploadClient.Outcome> pacedUp = new LoadGenerator(client, Math.max(o.clients(), 32))
                .start(paced, o.latencyRate())
                .await();
        List<String> pacedIds = acceptedIds(pacedUp);
        status.awaitAggregated(pacedIds, Duration.ofSeconds(120), Duration.ofMinutes(30));
        List<Long> latencies = new ArrayList<>();
        for (UploadClient.Outcome out : pacedUp) {
            Instant at = out.accepted() ? status.aggregatedAt(out.reportId()) : null;
            if (at != null) {
                latencies.add(Duration.between(out.started(), at).toMillis());
            }
        }
        Percentiles latency = Percentiles.of(latencies);
        System.out.println("  upload -> AGGREGATED    " + latency);

        // ---- the cost of one report as its slice fills up
        System.out.println("slice cost: " + o.sliceSizes() + " reports already in the slice, then " + o.timed()
                + " reports one at a time ...");
        Map<Integer, Percentiles> costs = new java.util.LinkedHashMap<>();
        int sliceIndex = 1000;
        for (int size : o.sliceSizes()) {
            ReportVariants.Slice slice = ReportVariants.slice(sliceIndex++);
            List<GeneratedReport> preload = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                preload.add(variants.variant(next++, slice));
            }
            List<String> preloaded = acceptedIds(
                    new LoadGenerator(client, o.clients()).start(preload, 0).await());
            status.awaitAggregated(preloaded, Duration.ofSeconds(120), Duration.ofMinutes(60));
            List<Long> one = new ArrayList<>();
            for (int i = 0; i < o.timed(); i++) {
                UploadClient.Outcome out = client.upload(variants.variant(next++, slice));
                if (out.accepted()
                        && status.awaitAggregated(
                                List.of(out.reportId()), Duration.ofSeconds(60), Duration.ofMinutes(2))) {
                    one.add(Duration.between(out.started(), status.aggregatedAt(out.reportId()))
                            .toMillis());
                }
            }
            Percentiles cost = Percentiles.of(one);
            costs.put(size, cost);
            System.out.printf("  slice of %,6d reports  %s%n", size, cost);
        }

        System.out.println();
        System.out.println("==================== pipeline benchmark ====================");
        System.out.printf("raw Kafka produce+consume      %,10.0f records/s%n", kafka);
        System.out.printf(
                "raw PostgreSQL COPY            %,10.0f metric rows/s = %,.0f reports/s (%.1f metrics each)%n",
                copy, copyReports, metricsPerReport);
        System.out.printf("raw PostgreSQL commits         %,10.0f one-row transactions/s%n", commits);
        System.out.printf("pipeline sustained             %,10.1f reports/s%n", sustainedRate);
        System.out.println("CPU per report (ms)            " + cpuPerReport);
        System.out.printf(
                "JIT compiling (sustained)      %.0f%% of the services' CPU, after %,d warm-up reports%n",
                100 * jitShare, warmed);
        System.out.printf(
                "upload -> AGGREGATED @ %.0f/s    p50 %d ms, p95 %d ms, p99 %d ms (n=%d)%n",
                o.latencyRate(), latency.p50(), latency.p95(), latency.p99(), latency.count());
        costs.forEach((size, c) -> System.out.printf(
                "one report in a slice of %,6d p50 %d ms, p95 %d ms (n=%d)%n", size, c.p50(), c.p95(), c.count()));
        System.out.printf("ratio pipeline / raw PostgreSQL COPY   %.2f%%%n", 100 * sustainedRate / copyReports);
        System.out.printf("ratio pipeline / raw Kafka records     %.2f%%%n", 100 * sustainedRate / kafka);
        int smallest = o.sliceSizes().get(0);
        int largest = o.sliceSizes().get(o.sliceSizes().size() - 1);
        if (costs.get(smallest).p50() > 0) {
            System.out.printf(
                    "ratio slice %,d / slice %,d (p50)     %.2f%n",
                    largest,
                    smallest,
                    (double) costs.get(largest).p50() / costs.get(smallest).p50());
        }
    }

    /** Milliseconds of CPU per aggregated report, by process, and their sum. */
    private static String cpuPerReport(Map<String, Duration> cpu, long reports) {
        if (reports == 0) {
            return "-";
        }
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Duration> e : cpu.entrySet()) {
            double ms = e.getValue().toNanos() / 1e6 / reports;
            total += ms;
            line.append(String.format("%s %.1f, ", e.getKey(), ms));
        }
        return line.append(String.format("total %.1f", total)).toString();
    }

    private static List<String> acceptedIds(List<UploadClient.Outcome> outcomes) {
        return outcomes.stream()
                .filter(UploadClient.Outcome::accepted)
                .map(UploadClient.Outcome::reportId)
                .collect(Collectors.toList());
    }

    private static String tsvRow(String reportId, int section, String category, Metric m) {
        return String.join(
                "\t",
                reportId,
                "1",
                "bench",
                Integer.toString(section),
                tsv(category),
                tsv(m.indicator()),
                tsv(m.label()),
                m.value().toPlainString(),
                tsv(m.unit()),
                tsv(m.rollupUnit()),
                tsv(m.unitKind()),
                tsv(m.surface()),
                tsv(m.sentence()),
                Integer.toString(m.offset()));
    }

    /** A COPY text-format field: \N for null, backslash, tab and line ends escaped. */
    private static String tsv(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }

    /** The benchmark's size: every option of {@code deploy/bench/run --help}. */
    record BenchOptions(
            Path repo,
            Path data,
            int clients,
            int slices,
            int warmupReports,
            int warmupMax,
            int sustainedReports,
            double latencyRate,
            int latencySeconds,
            List<Integer> sliceSizes,
            int timed,
            int kafkaRecords,
            int copyRows,
            int commits) {

        static BenchOptions parse(String[] args) {
            Path repo = Path.of(System.getProperty("fazhi.repo", "."))
                    .toAbsolutePath()
                    .normalize();
            Path data = repo.resolve("deploy/target/bench");
            int clients = 8;
            int slices = 50;
            int warmup = 1000;
            int warmupMax = 20_000;
            int sustained = 1000;
            double rate = 50;
            int seconds = 30;
            List<Integer> sizes = List.of(10, 1000);
            int timed = 20;
            int kafka = 5000;
            int copy = 200_000;
            int commits = 2000;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--slices" -> slices = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--warmup-max" -> warmupMax = Integer.parseInt(args[++i]);
                    case "--sustained" -> sustained = Integer.parseInt(args[++i]);
                    case "--latency-rate" -> rate = Double.parseDouble(args[++i]);
                    case "--latency-seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--slice-sizes" ->
                        sizes = Arrays.stream(args[++i].split(","))
                                .map(String::strip)
                                .map(Integer::parseInt)
                                .sorted()
                                .toList();
                    case "--timed" -> timed = Integer.parseInt(args[++i]);
                    case "--kafka-records" -> kafka = Integer.parseInt(args[++i]);
                    case "--copy-rows" -> copy = Integer.parseInt(args[++i]);
                    case "--commits" -> commits = Integer.parseInt(args[++i]);
                    case "--data" -> data = Path.of(args[++i]).toAbsolutePath().normalize();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new BenchOptions(
                    repo, data, clients, slices, warmup, warmupMax, sustained, rate, seconds, sizes, timed, kafka, copy,
                    commits);
        }
    }
}
