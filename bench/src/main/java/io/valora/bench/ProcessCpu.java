package io.valora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a process has used so far (Linux {@code /proc/<pid>/stat}, user + system). On a
 * machine shared with other work the rates of a phase depend on what else runs; the CPU time a
 * process spends per event or request does much less, so the load tools report it beside the rates
 * to compare code changes.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ProcessCpu() {
    }

    /** Seconds of CPU {@code pid} used, or NaN when it cannot be read (not Linux, no such process). */
    public static double seconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            return secondsIn(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Seconds of CPU the JIT compiler threads of the JVM {@code pid} used (threads named {@code C1 CompilerThre…}
     * or {@code C2 CompilerThre…}), or NaN when they cannot be read. A fresh JVM spends a large share of its first
     * minute compiling, which a throughput figure of a short run includes; this says how much. A compiler thread
     * that the JVM stopped takes its time with it, so this is a lower bound.
     */
    public static double jitSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            double sum = 0;
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        sum += secondsIn(task.resolve("stat"));
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // it ended between the listing and the read: its time is gone either way
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double secondsIn(Path stat) throws IOException {
        String text = Files.readString(stat);
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
