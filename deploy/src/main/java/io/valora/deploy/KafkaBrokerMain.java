package io.valora.deploy;

/**
 * Runs {@code kafka.Kafka} unchanged, plus one guard: when standard input reaches its end (the launcher that
 * holds the other end of the pipe is gone, even if it was killed with SIGKILL) the broker shuts down cleanly
 * instead of running on as an orphan. Usage: {@code KafkaBrokerMain server.properties}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the launcher never writes; it only keeps the pipe open while it lives
                }
            } catch (java.io.IOException closed) {
                // same as end of input
            }
            System.exit(0);
        }, "launcher-gone");
        guard.setDaemon(true);
        guard.start();
        kafka.Kafka.main(args);
    }
}
