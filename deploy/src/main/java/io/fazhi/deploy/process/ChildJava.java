package io.fazhi.deploy.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child JVMs of a stack: their command line, and stopping them gently or with SIGKILL. */
final class ChildJava {
    private ChildJava() {}

    /** {@code java <options> -cp <classpath> <main> <args>} with this JVM's own java. */
    static List<String> command(List<String> options, String classpath, String main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(options);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(main);
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGKILL (Java's destroyForcibly on Linux), and wait until the process is gone. */
    static void kill(Process p) {
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        await(p, Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL after the grace period, as Kubernetes does. */
    static void stop(Process p, Duration grace) {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!await(p, grace)) {
            kill(p);
        }
    }

    private static boolean await(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
    }
}
