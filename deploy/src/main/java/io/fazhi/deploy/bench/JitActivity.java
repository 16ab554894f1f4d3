package io.fazhi.deploy.bench;

import io.fazhi.deploy.LocalStack;
import io.fazhi.deploy.LocalStack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How much of the services' CPU their JIT compilers take (the HotSpot threads {@code C1 CompilerThread*} and {@code
 * C2 CompilerThread*}), read from {@code /proc}: a benchmark that measures while the compilers are still busy
 * measures start-up, not a service that has been running. Both figures are in the same clock ticks, so their ratio
 * needs no tick length. Where {@code /proc} is missing (not Linux), nothing is known and the share is 0.
 */
final class JitActivity {
    /**
     * CPU ticks of the services so far: in all, and in each of their JIT compiler threads (by process and thread
     * id, since HotSpot starts and stops compiler threads as the work comes and goes).
     */
    record Ticks(long total, Map<String, Long> compilers) {
        /**
         * The share of the services' CPU spent compiling since {@code before}, 0..1: the threads alive now, less what
         * they had used then (a thread that ended meanwhile is not counted).
         */
        double compilingShareSince(Ticks before) {
            long total = this.total - before.total;
            long compiling = 0;
            for (Map.Entry<String, Long> c : compilers.entrySet()) {
                compiling += c.getValue() - before.compilers.getOrDefault(c.getKey(), 0L);
            }
            return total <= 0 ? 0 : Math.max(0, Math.min(1, (double) compiling / total));
        }
    }

    private JitActivity() {}

    static Ticks snapshot(LocalStack stack) {
        long total = 0;
        Map<String, Long> compilers = new HashMap<>();
        for (Service s : Service.values()) {
            Path proc = Path.of("/proc", Long.toString(stack.pid(s)));
            total += ticks(proc.resolve("stat"));
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    if (isCompiler(task)) {
                        compilers.put(proc.getFileName() + "/" + task.getFileName(), ticks(task.resolve("stat")));
                    }
                }
            } catch (IOException e) {
                // the process is gone, or no /proc: nothing to count
            }
        }
        return new Ticks(total, compilers);
    }

    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip(); // at most 15 characters
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended
        }
    }

    /** utime + stime of a {@code stat} file (fields 14 and 15; the name before them may hold spaces). */
    static long ticks(Path stat) {
        try {
            return ticksOf(Files.readString(stat));
        } catch (IOException e) {
            return 0;
        }
    }

    static long ticksOf(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }
}
