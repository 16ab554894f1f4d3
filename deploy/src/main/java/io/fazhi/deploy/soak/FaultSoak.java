package io.fazhi.deploy.soak;

import io.fazhi.deploy.LocalStack;
import io.fazhi.deploy.LocalStack.Service;
import io.fazhi.deploy.load.ChannelHealth;
import io.fazhi.deploy.load.ExpectedRollups;
import io.fazhi.deploy.load.GeneratedReport;
import io.fazhi.deploy.load.LoadGenerator;
import io.fazhi.deploy.load.PipelineAudit;
import io.fazhi.deploy.load.ReportVariants;
import io.fazhi.deploy.load.RollupComparison;
import io.fazhi.deploy.load.StatusWatcher;
import io.fazhi.deploy.load.UploadClient;
import io.fazhi.deploy.process.SeparateProcessBackends;
import io.fazhi.engine.Extractor;
import io.fazhi.infra.DataDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code deploy/soak/run}: the fault soak. Starts its own broker and PostgreSQL (durable) as processes of their
 * own and the three services from their jars, uploads distinct reports at a steady rate through clients that retry
 * 5xx and connection errors with the same Idempotency-Key, and meanwhile: kill -9 of ingest, extract and aggregate
 * in turn, kill -9 of the broker, an immediate PostgreSQL stop, and kill -9 of the broker and ingest together, each
 * down for a while and then started again. Then it checks that every accepted report is AGGREGATED exactly once,
 * every rollup cell equals what the extraction engine run in this JVM on every uploaded text gives, no report is
 * FAILED or dead-lettered and no channel is down, prints a summary and exits 0 only if all of that holds.
 */
public final class FaultSoak {
    private FaultSoak() {}

    /** One fault as it happened: when injected, restarted, ready again, and when the pipeline next aggregated. */
    record FaultRecord(String name, Instant injected, Instant restarted, Instant ready, Instant flowing) {
        String describe() {
            return String.format(
                    "%-34s down %5.1f s, ready %5.1f s after restart, aggregating again %s",
                    name,
                    seconds(injected, restarted),
                    seconds(restarted, ready),
                    flowing == null ? "never" : String.format("%5.1f s after restart", seconds(restarted, flowing)));
        }
    }

    public static void main(String[] args) throws Exception {
        SoakOptions o = SoakOptions.parse(args);
        System.out.printf(
                "fault soak: %d reports at %.1f/s by %d clients, each fault down %d s; data in %s%n",
                o.reports(), o.rate(), o.clients(), o.down().toSeconds(), o.data());
        DataDirectories.deleteRecursively(o.data()); // fresh data and logs for every run
        LocalStack stack = LocalStack.start(LocalStack.Options.fresh(o.repo(), o.data())
                .withBackends(LocalStack.BackendKind.SEPARATE_PROCESSES)
                .withEnv(o.serviceEnv()));
        int exit;
        try (StatusWatcher status = new StatusWatcher(stack.backends().bootstrapServers())) {
            exit = run(stack, status, o);
        } finally {
            stack.close();
        }
        System.exit(exit);
    }

    private static int run(LocalStack stack, StatusWatcher status, SoakOptions o) throws Exception {
        ReportVariants variants =
                new ReportVariants(o.repo(), "soak" + Instant.now().getEpochSecond());
        List<GeneratedReport> reports = new ArrayList<>();
        for (int i = 0; i < o.reports(); i++) {
            reports.add(variants.variant(i, ReportVariants.slice(i % o.slices())));
        }
        UploadClient client =
                new UploadClient(() -> stack.url(Service.INGEST), stack.operatorToken(), Duration.ofMinutes(5));
        Instant start = Instant.now();
        LoadGenerator load = new LoadGenerator(client, o.clients()).start(reports, o.rate());

        SeparateProcessBackends infra = stack.processes();
        List<Fault> plan = List.of(
                new Fault("ingest", "kill -9 ingest-service", () -> stack.kill(Service.INGEST), () -> {
                    stack.startService(Service.INGEST);
                    awaitAllReady(stack);
                }),
                new Fault("extract", "kill -9 extract-service", () -> stack.kill(Service.EXTRACT), () -> {
                    stack.startService(Service.EXTRACT);
                    awaitAllReady(stack);
                }),
                new Fault("aggregate", "kill -9 aggregate-service", () -> stack.kill(Service.AGGREGATE), () -> {
                    stack.startService(Service.AGGREGATE);
                    awaitAllReady(stack);
                }),
                new Fault("broker", "kill -9 broker", () -> infra.broker().kill(), () -> {
                    infra.broker().start();
                    awaitAllReady(stack);
                }),
                new Fault(
                        "postgres",
                        "PostgreSQL immediate stop",
                        () -> infra.postgres().stopImmediately(),
                        () -> {
                            infra.postgres().start();
                            awaitAllReady(stack);
                        }),
                new Fault(
                        "broker+ingest",
                        "kill -9 broker + ingest-service",
                        () -> {
                            infra.broker().kill();
                            stack.kill(Service.INGEST);
                        },
                        () -> {
                            infra.broker().start();
                            stack.startService(Service.INGEST);
                            awaitAllReady(stack);
                        }));
        awaitAccepted(load, Math.min(50, o.reports() / 20));
        List<FaultRecord> faults = new ArrayList<>();
        for (Fault f : plan) {
            if (o.faults().contains(f.id()) || o.faults().contains("all")) {
                faults.add(inject(status, o, f));
            }
        }

        List<UploadClient.Outcome> outcomes = load.await();
        Instant uploadsDone = Instant.now();
        Map<String, GeneratedReport> accepted = new LinkedHashMap<>();
        List<UploadClient.Outcome> rejected = new ArrayList<>();
        for (UploadClient.Outcome out : outcomes) {
            if (out.accepted()) {
                accepted.put(out.reportId(), out.report());
            } else {
                rejected.add(out);
            }
        }
        Set<String> duplicateAnswers = new HashSet<>();
        if (accepted.size() < outcomes.size() - rejected.size()) {
            duplicateAnswers.add((outcomes.size() - rejected.size() - accepted.size())
                    + " distinct uploads were answered with a report id given to another upload");
        }
        System.out.printf(
                "uploads done after %.0f s: %d accepted, %d not; waiting for the pipeline to drain ...%n",
                seconds(start, uploadsDone), accepted.size(), rejected.size());
        status.awaitAggregated(accepted.keySet(), o.stall(), o.drain());
        Instant drained = Instant.now();

        ExpectedRollups expected = new ExpectedRollups(new Extractor());
        accepted.forEach(expected::add);
        RollupComparison.Result cells = RollupComparison.compare(stack.url(Service.AGGREGATE), expected);
        PipelineAudit.Result audit = PipelineAudit.audit(stack.backends().bootstrapServers(), accepted.keySet());
        List<String> failed = new ArrayList<>();
        status.failed().forEach((id, reason) -> {
            if (accepted.containsKey(id)) {
                failed.add(id + ": " + reason);
            }
        });
        List<String> lost = new ArrayList<>();
        for (String id : accepted.keySet()) {
            if (status.aggregatedAt(id) == null) {
                lost.add(id);
            }
        }
        List<String> down = ChannelHealth.down(stack);

        System.out.println();
        System.out.println("==================== fault soak summary ====================");
        System.out.printf(
                "uploads          %d (%d distinct texts), %d not accepted%n",
                outcomes.size(), reports.size(), rejected.size());
        System.out.printf("accepted         %d%n", accepted.size());
        System.out.printf("aggregated       %d%n", accepted.size() - lost.size());
        System.out.printf("lost             %d%n", lost.size());
        System.out.printf(
                "doubled          %d (documents under two report ids), orphans %d%n", audit.doubled(), audit.orphans());
        System.out.printf(
                "wrong cells      %d of %d expected (%d served)%n",
                cells.wrongCells(), cells.expectedCells(), cells.actualCells());
        System.out.printf("FAILED           %d%n", failed.size());
        System.out.printf("dead letters     %d %s%n", audit.deadLetterCount(), audit.deadLetters());
        System.out.printf("channels down    %d%n", down.size());
        System.out.printf(
                "duration         uploads %.0f s, drain %.0f s%n",
                seconds(start, uploadsDone), seconds(uploadsDone, drained));
        System.out.println("faults (recovery):");
        faults.forEach(f -> System.out.println("  " + f.describe()));
        print(
                "not accepted",
                rejected.stream()
                        .map(r -> r.report().idempotencyKey() + ": " + r.lastError())
                        .toList());
        print("lost", lost);
        print("wrong cells", cells.wrong());
        print("FAILED", failed);
        print("down", down);
        print("answers", List.copyOf(duplicateAnswers));
        boolean ok = lost.isEmpty()
                && rejected.isEmpty()
                && audit.doubled() == 0
                && audit.orphans() == 0
                && cells.wrongCells() == 0
                && failed.isEmpty()
                && audit.deadLetterCount() == 0
                && down.isEmpty()
                && duplicateAnswers.isEmpty();
        System.out.println(ok ? "RESULT: PASS" : "RESULT: FAIL");
        return ok ? 0 : 1;
    }

    /** A fault of the plan: its id for {@code --faults}, what it does, and how the component comes back. */
    record Fault(String id, String name, Runnable inject, Runnable restart) {}

    private static FaultRecord inject(StatusWatcher status, SoakOptions o, Fault fault) throws InterruptedException {
        String name = fault.name();
        System.out.printf("%s ...%n", name);
        Instant injected = Instant.now();
        fault.inject().run();
        Thread.sleep(o.down().toMillis());
        Instant restarted = Instant.now();
        Instant ready;
        try {
            fault.restart().run();
            ready = Instant.now();
        } catch (RuntimeException e) {
            System.out.println("  not back: " + e.getMessage());
            ready = null;
        }
        Instant flowing = null;
        Instant deadline = Instant.now().plus(o.recoverWithin());
        while (flowing == null && Instant.now().isBefore(deadline)) {
            flowing = status.firstAggregatedAfter(restarted);
            Thread.sleep(200);
        }
        FaultRecord r = new FaultRecord(name, injected, restarted, ready, flowing);
        System.out.println("  " + r.describe());
        Thread.sleep(o.gap().toMillis());
        return r;
    }

    private static void awaitAllReady(LocalStack stack) {
        for (Service s : Service.values()) {
            stack.awaitReady(s, Duration.ofMinutes(3));
        }
    }

    private static void awaitAccepted(LoadGenerator load, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(300);
        while (load.accepted() < n && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private static void print(String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        System.out.printf("%s (%d, first 20):%n", what, items.size());
        items.stream().limit(20).forEach(i -> System.out.println("  " + i));
    }

    static double seconds(Instant from, Instant to) {
        return from == null || to == null
                ? Double.NaN
                : Duration.between(from, to).toMillis() / 1000.0;
    }

    /**
     * The soak's options: {@code --reports N --rate R --clients C --down S --gap S --slices N --data DIR --faults
     * all|none|ingest,extract,aggregate,broker,postgres,broker+ingest}.
     */
    record SoakOptions(
            Path repo,
            Path data,
            int reports,
            double rate,
            int clients,
            int slices,
            Duration down,
            Duration gap,
            Duration recoverWithin,
            Duration stall,
            Duration drain,
            Set<String> faults,
            Map<String, String> serviceEnv) {

        static SoakOptions parse(String[] args) {
            Path repo = Path.of(System.getProperty("fazhi.repo", "."))
                    .toAbsolutePath()
                    .normalize();
            Path data = repo.resolve("deploy/target/soak");
            int reports = 1000;
            double rate = 5;
            int clients = 8;
            int slices = 30;
            long down = 15;
            long gap = 10;
            Set<String> faults = Set.of("all");
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--reports" -> reports = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--slices" -> slices = Integer.parseInt(args[++i]);
                    case "--down" -> down = Long.parseLong(args[++i]);
                    case "--gap" -> gap = Long.parseLong(args[++i]);
                    case "--data" -> data = Path.of(args[++i]).toAbsolutePath().normalize();
                    case "--faults" -> faults = Set.of(args[++i].split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (value " + v + ")");
                }
            }
            return new SoakOptions(
                    repo,
                    data,
                    reports,
                    rate,
                    clients,
                    slices,
                    Duration.ofSeconds(down),
                    Duration.ofSeconds(gap),
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(120),
                    Duration.ofMinutes(10),
                    faults,
                    Map.of());
        }
    }
}
