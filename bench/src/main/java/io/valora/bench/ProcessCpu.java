package io.valora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
