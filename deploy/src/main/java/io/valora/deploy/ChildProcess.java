package io.valora.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OS process started by the launcher: output appended to a log file, stopped with SIGTERM and then
 * SIGKILL, together with every descendant it spawned (PostgreSQL's postmaster and its workers, for example).
 */
final class ChildProcess {

    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path log;
    private final long logStart;
    private final Instant started;

    private ChildProcess(String name, Process process, Path log, long logStart, Instant started) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.started = started;
    }

    /**
     * Starts {@code command} with {@code env} added to this process's environment; stdout and stderr are
     * appended to {@code log}. Standard input stays a pipe to this process, so a child can notice that its
     * launcher died (end of input).
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Instant started = Instant.now();
            return new ChildProcess(name, builder.start(), log, logStart, started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /** The {@code java} of the JVM running the launcher; children run on the same JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    Duration sinceStart() {
        return Duration.between(started, Instant.now());
    }

    /** What this run of the process wrote so far (earlier runs in the same log file are skipped). */
    String output() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - logStart;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 4 * 1024 * 1024)];
            file.seek(file.length() - bytes.length);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of this run's output, for error messages. */
    String tail() {
        List<String> lines = output().lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Exception for a process that did not become ready, with the end of its log. */
    IllegalStateException failure(String problem) {
        String exit = process.isAlive() ? "still running" : "exited with " + process.exitValue();
        return new IllegalStateException(name + " " + problem + " (" + exit + "); log " + log
                + ", last lines:" + System.lineSeparator() + tail());
    }

    /** Resident memory of the process and its live descendants, from {@code /proc/<pid>/status} (Linux). */
    long rssBytes() {
        if (!process.isAlive()) {
            return 0;
        }
        long total = rssBytes(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            total += rssBytes(child.pid());
        }
        return total;
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * SIGTERM, wait up to {@code timeout}, then SIGKILL; afterwards the same for any descendant still alive
     * (they were noted before the parent went, while they could still be found as its descendants).
     */
    void stop(Duration timeout) {
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        terminate(process.toHandle(), timeout);
        descendants.addAll(process.descendants().toList());
        for (ProcessHandle descendant : descendants) {
            terminate(descendant, timeout);
        }
    }

    /**
     * SIGKILL to the process and every descendant, then waits for them to exit: a crash as the
     * fault-injection tests need it, with no chance to flush, commit or leave a group cleanly.
     */
    void kill() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ignored) {
                // SIGKILL cannot be refused; a zombie reaped late is harmless
            }
        }
    }

    static void terminate(ProcessHandle handle, Duration timeout) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // SIGKILL cannot be refused; a zombie reaped late is harmless
            }
        }
    }
}
