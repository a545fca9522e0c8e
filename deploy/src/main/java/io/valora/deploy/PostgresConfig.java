package io.valora.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the local PostgreSQL runs.
 *
 * @param dataDir    the PostgreSQL data directory (survives restarts; delete it to start empty). The server
 *                   binaries are unpacked into {@code pg-work} beside it.
 * @param logDir     where {@code postgres.log} goes
 * @param port       on 127.0.0.1
 * @param jvmOptions options for the small wrapper JVM that owns the server process
 */
public record PostgresConfig(Path dataDir, Path logDir, int port, List<String> jvmOptions) {

    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    public PostgresConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        logDir = logDir == null ? dataDir.resolveSibling("logs") : logDir.toAbsolutePath().normalize();
        jvmOptions = jvmOptions == null ? DEFAULT_JVM_OPTIONS : List.copyOf(jvmOptions);
    }

    /** Port {@value PostgresServer#DEFAULT_PORT}, logs in {@code logs} beside the data directory. */
    public static PostgresConfig of(Path dataDir) {
        return new PostgresConfig(dataDir, null, PostgresServer.DEFAULT_PORT, null);
    }

    public PostgresConfig withPort(int port) {
        return new PostgresConfig(dataDir, logDir, port, jvmOptions);
    }

    public PostgresConfig withLogDir(Path logDir) {
        return new PostgresConfig(dataDir, logDir, port, jvmOptions);
    }

    public String jdbcUrl() {
        return PostgresServer.jdbcUrl(port);
    }
}
