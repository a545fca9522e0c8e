package io.valora.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15 as its own OS process: a child JVM running {@link PostgresServer}, which owns the
 * {@code postgres} server process. Ready once the child printed its {@code READY} line.
 *
 * <p>{@code pg_ctl} daemonises the server, so the postmaster is not a descendant of the wrapper JVM: stopping
 * therefore also looks for a server still running on this data directory and stops it.
 */
public final class PostgresProcess extends StartedProcess {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final PostgresConfig config;

    private PostgresProcess(PostgresConfig config, ChildProcess process, Duration startupTime) {
        super(process, startupTime);
        this.config = config;
    }

    /**
     * Starts the server and waits for it.
     *
     * @throws IllegalStateException if it is not ready within {@code timeout}, with the end of its log; the
     *                               process and everything it started are stopped then
     */
    public static PostgresProcess start(PostgresConfig config, RuntimeClasspath classpath, Duration timeout) {
        Loopback.requireFree(config.port(), "PostgreSQL");
        List<ProcessHandle> leftovers = serverProcesses(config);
        if (!leftovers.isEmpty()) {
            throw new IllegalStateException("a PostgreSQL server is already running on " + config.dataDir()
                    + " (pid " + leftovers.get(0).pid() + "), probably left by a launcher that was killed: stop it "
                    + "with 'kill " + leftovers.get(0).pid() + "' and start again");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(config.jvmOptions());
        // Keep logging alive until our own hook has stopped PostgreSQL, so its shutdown lines reach the log.
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.addAll(List.of("-cp", classpath.asArgument(), PostgresServer.class.getName(),
                "--data-dir", config.dataDir().toString(),
                "--port", Integer.toString(config.port()),
                "--exit-on-stdin-eof"));
        ChildProcess child = ChildProcess.start("postgres", command, Map.of(), config.logDir().resolve("postgres.log"));
        try {
            boolean ready = Poll.until(timeout, () -> {
                if (readyLine(child) != null) {
                    return true;
                }
                if (!child.isAlive()) {
                    throw child.failure("exited while starting");
                }
                return false;
            });
            if (!ready) {
                throw child.failure("did not print READY within " + timeout);
            }
            return new PostgresProcess(config, child, child.sinceStart());
        } catch (Exception e) {
            stop(config, child);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("starting PostgreSQL failed", e);
        }
    }

    private static String readyLine(ChildProcess child) {
        return child.output().lines().filter(l -> l.startsWith(PostgresServer.READY)).findFirst().orElse(null);
    }

    /**
     * Server processes whose command line names this data directory (the postmaster does, as {@code -D <dir>}).
     * Empty after {@link #close()}; used to check that nothing is left behind.
     */
    public static List<ProcessHandle> serverProcesses(PostgresConfig config) {
        String dir = config.dataDir().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(dir)).orElse(false)
                        && p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .toList();
    }

    public PostgresConfig config() {
        return config;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/valora}. */
    public String jdbcUrl() {
        return config.jdbcUrl();
    }

    public String user() {
        return PostgresServer.USER;
    }

    /** Local trust authentication accepts any password; services that insist on one can use this. */
    public String password() {
        return PostgresServer.USER;
    }

    @Override
    public String name() {
        return "postgres";
    }

    /**
     * The wrapper JVM plus the postmaster and its workers (daemonised, so not descendants of the wrapper). A sum
     * of VmRSS: pages of PostgreSQL's shared memory are counted once per server process that touched them.
     */
    @Override
    public long rssBytes() {
        long total = process.rssBytes();
        for (ProcessHandle server : serverProcesses(config)) {
            total += ChildProcess.rssBytes(server.pid());
            total += server.descendants().mapToLong(p -> ChildProcess.rssBytes(p.pid())).sum();
        }
        return total;
    }

    /** SIGTERM to the wrapper, whose shutdown hook stops PostgreSQL ({@code pg_ctl stop -m fast}); then force. */
    @Override
    public void close() {
        stop(config, process);
    }

    private static void stop(PostgresConfig config, ChildProcess wrapper) {
        wrapper.stop(STOP_TIMEOUT);
        for (ProcessHandle server : serverProcesses(config)) {
            ChildProcess.terminate(server, STOP_TIMEOUT);
        }
    }
}
