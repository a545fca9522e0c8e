package io.valora.bench.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of one of the stack's JVMs: what is still used right after a full collection, asked through
 * {@code jcmd} ({@code GC.run}, then {@code GC.heap_info}). RSS alone cannot tell a leak from a JVM that is still
 * growing its heap towards {@code -Xmx} (it rarely gives pages back); the heap left after a full GC can. The soak
 * measures it only at its start and its end, so the forced collections do not disturb the RSS samples in between.
 */
final class LiveHeap {

    /** A heap line of {@code GC.heap_info}: {@code garbage-first heap total 262144K, used 51200K [...]}. */
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    private LiveHeap() {
    }

    /** Heap in use after a full GC, in MB; empty when {@code pid} is not a JVM that answers jcmd (e.g. PostgreSQL). */
    static OptionalDouble afterFullGc(long pid) {
        if (jcmd(pid, "GC.run") == null) {
            return OptionalDouble.empty();
        }
        String info = jcmd(pid, "GC.heap_info");
        if (info == null) {
            return OptionalDouble.empty();
        }
        return usedMegabytes(info);
    }

    /** Sums the {@code used} of every generation line (one line for G1, young plus old for the serial collector). */
    static OptionalDouble usedMegabytes(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        long kilobytes = 0;
        boolean found = false;
        while (m.find()) {
            kilobytes += Long.parseLong(m.group(1));
            found = true;
        }
        return found ? OptionalDouble.of(kilobytes / 1024.0) : OptionalDouble.empty();
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                    .redirectErrorStream(true).start();
            // its answer is a few lines, well within the pipe's buffer, so it is read after the process ended
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            byte[] output = process.getInputStream().readAllBytes();
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
