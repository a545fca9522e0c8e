package io.valora.testing.postgres;

import java.nio.file.Path;

/**
 * The one PostgreSQL server of a test JVM: started on first use, shared by every test class of
 * the module run, stopped when the last user releases it (or, failing that, when the JVM exits).
 *
 * <p>Starting a server costs seconds; tests isolate themselves by tenant or customer names
 * instead of by server.
 */
public final class SharedEmbeddedPostgres {

    /** Where server binaries and data go: under Maven's {@code target/} unless {@code valora.test.dir} says otherwise. */
    static final Path BASE = Path.of(System.getProperty("valora.test.dir", "target"), "postgres");

    private static EmbeddedPostgresServer server;
    private static int users;
    private static boolean hookInstalled;

    private SharedEmbeddedPostgres() {
    }

    /** Starts the server if needed and counts one more user. Every call must be paired with {@link #release()}. */
    public static synchronized EmbeddedPostgresServer acquire() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(BASE);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedEmbeddedPostgres::stopNow, "stop-embedded-postgres"));
                hookInstalled = true;
            }
        }
        users++;
        return server;
    }

    /** One user fewer; the last one stops the server. */
    public static synchronized void release() {
        if (users > 0 && --users == 0) {
            stopNow();
        }
    }

    private static synchronized void stopNow() {
        if (server != null) {
            server.close();
            server = null;
            users = 0;
        }
    }
}
