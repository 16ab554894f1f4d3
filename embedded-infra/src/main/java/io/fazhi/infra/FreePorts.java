package io.fazhi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Free loopback ports for servers started by tests and the local run. The operating system may offer a port again as
 * soon as the probing socket is closed, before the server meant for it has bound it (a broker's two listeners got
 * the same port that way), so a port is handed out at most once per JVM.
 */
public final class FreePorts {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 100;

    private FreePorts() {}

    public static int free() {
        return free(FreePorts::probe);
    }

    /** The first port {@code probe} offers that was not handed out before. */
    static int free(IntSupplier probe) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe.getAsInt();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port on loopback that was not handed out already, after " + ATTEMPTS);
    }

    /** A port the operating system has free on loopback right now. */
    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** The given port, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }
}
