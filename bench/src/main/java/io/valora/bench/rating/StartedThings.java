package io.valora.bench.rating;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started (broker, service process, Streams instance, clients), closed
 * in reverse order exactly once: at the end of the run, on failure, or from a shutdown hook on
 * Ctrl-C — a benchmark must never leave a broker or a service running on a shared machine.
 */
public final class StartedThings implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "rating-bench-stop");
    private boolean closed;

    public StartedThings() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public synchronized <T extends AutoCloseable> T add(T thing) {
        if (closed) {
            closeQuietly(thing);
            throw new IllegalStateException("already stopping");
        }
        started.push(thing);
        return thing;
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running and closes everything itself
        }
    }

    private synchronized void closeAll() {
        closed = true;
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(AutoCloseable thing) {
        try {
            thing.close();
        } catch (Exception e) {
            BenchOutput.log("could not stop %s: %s", thing, e);
        }
    }
}
