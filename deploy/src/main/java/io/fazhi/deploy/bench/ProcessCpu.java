package io.fazhi.deploy.bench;

import io.fazhi.deploy.LocalStack;
import io.fazhi.deploy.LocalStack.Service;
import io.fazhi.deploy.process.SeparateProcessBackends;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The CPU time each process of a stack has used so far (user + system; PostgreSQL with its backends, the children of
 * its postmaster), so that a benchmark can say where the time of one report goes.
 */
final class ProcessCpu {
    private ProcessCpu() {}

    /** CPU used so far by each process of the stack, and by this process (the load clients), by name. */
    static Map<String, Duration> snapshot(LocalStack stack) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            used.put(s.name().toLowerCase(Locale.ROOT), withChildren(OptionalLong.of(stack.pid(s))));
        }
        SeparateProcessBackends backends = stack.processes();
        used.put("postgresql", withChildren(backends.postgres().pid()));
        used.put("kafka", withChildren(backends.broker().pid()));
        // this process alone: the stack's processes are its children
        used.put(
                "load clients",
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return used;
    }

    /** What each process used between two snapshots. */
    static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        after.forEach((name, t) -> used.put(name, t.minus(before.getOrDefault(name, Duration.ZERO))));
        return used;
    }

    private static Duration withChildren(OptionalLong pid) {
        if (pid.isEmpty()) {
            return Duration.ZERO;
        }
        return ProcessHandle.of(pid.getAsLong())
                .map(p -> Stream.concat(Stream.of(p), p.descendants())
                        .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
    }
}
