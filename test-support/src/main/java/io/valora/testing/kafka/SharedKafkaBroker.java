package io.valora.testing.kafka;

import java.nio.file.Path;

/**
 * The one broker of a test JVM: started on first use, shared by every test class of the module
 * run, and stopped when the last user releases it (or, failing that, when the JVM exits).
 *
 * <p>Starting a broker per test class would cost seconds each; sharing it keeps the suite fast
 * while every user still sees a real broker. Tests isolate themselves by topic or tenant names.
 */
public final class SharedKafkaBroker {

    /** Where broker data goes: under Maven's {@code target/} unless {@code valora.test.dir} says otherwise. */
    static final Path BASE = Path.of(System.getProperty("valora.test.dir", "target"), "kafka");

    private static EmbeddedKafkaBroker broker;
    private static int users;
    private static boolean hookInstalled;

    private SharedKafkaBroker() {
    }

    /** Starts the broker if needed and counts one more user. Every call must be paired with {@link #release()}. */
    public static synchronized EmbeddedKafkaBroker acquire() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start(BASE);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedKafkaBroker::stopNow, "stop-embedded-kafka"));
                hookInstalled = true;
            }
        }
        users++;
        return broker;
    }

    /** One user fewer; the last one stops the broker. */
    public static synchronized void release() {
        if (users > 0 && --users == 0) {
            stopNow();
        }
    }

    private static synchronized void stopNow() {
        if (broker != null) {
            broker.close();
            broker = null;
            users = 0;
        }
    }
}
