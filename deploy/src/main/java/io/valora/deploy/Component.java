package io.valora.deploy;

import java.time.Duration;

/** A running part of the local stack, each its own OS process. */
public interface Component extends AutoCloseable {

    /** Short name used in progress lines and log file names, e.g. {@code kafka}. */
    String name();

    long pid();

    /** From launching the process until it answered its readiness check. */
    Duration startupTime();

    /** Resident memory of the process and its descendants right now, in bytes (0 once stopped). */
    long rssBytes();

    /** Stops the process and its descendants: SIGTERM, then SIGKILL after a timeout. Idempotent. */
    @Override
    void close();

    /** One progress line, e.g. {@code kafka ready in 4210 ms, RSS 352 MB (pid 1234)}. */
    default String summary() {
        return String.format("%-16s ready in %5d ms, RSS %4d MB (pid %d)",
                name(), startupTime().toMillis(), rssBytes() / (1024 * 1024), pid());
    }
}
