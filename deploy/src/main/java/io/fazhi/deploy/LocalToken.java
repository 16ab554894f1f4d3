package io.fazhi.deploy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code deploy/local/token --agency NAME | --operator [--hours N]}: prints a bearer token for the local run, signed
 * with the key pair that {@code deploy/local/up} generated in its data directory.
 */
public final class LocalToken {
    private LocalToken() {}

    public static void main(String[] args) {
        Path repo =
                Path.of(System.getProperty("fazhi.repo", ".")).toAbsolutePath().normalize();
        Path data = repo.resolve(".local-data");
        String agency = null;
        boolean operator = false;
        long hours = 12;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agency" -> agency = value(args, ++i, "--agency NAME");
                case "--operator" -> operator = true;
                case "--hours" -> hours = Long.parseLong(value(args, ++i, "--hours N"));
                case "--data" ->
                    data = Path.of(value(args, ++i, "--data DIR"))
                            .toAbsolutePath()
                            .normalize();
                default -> usage("unknown option " + args[i]);
            }
        }
        if (operator == (agency != null)) {
            usage("give exactly one of --agency NAME and --operator");
        }
        Duration valid = Duration.ofHours(hours);
        System.out.println(
                operator ? LocalKeys.operatorToken(data, valid) : LocalKeys.agencyToken(data, agency, valid));
    }

    private static String value(String[] args, int i, String what) {
        if (i >= args.length) {
            usage("missing value: " + what);
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: deploy/local/token --agency NAME | --operator [--hours N]");
        System.exit(2);
    }
}
