package io.valora.deploy.demo;

import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.PostgresProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Empties the local data folder before a sample run, so the run's invoices hold exactly its own
 * workload. Refuses while a PostgreSQL server still runs on that folder (a stack started with
 * {@code ./valora stack}, or left over by a killed run) rather than pulling data from under it.
 */
final class DataReset {

    private DataReset() {
    }

    static void wipe(LocalStackSettings settings, PrintStream out) {
        Path dir = settings.dataDir();
        if (!Files.exists(dir)) {
            return;
        }
        var running = PostgresProcess.serverProcesses(settings.postgres());
        if (!running.isEmpty()) {
            throw new IllegalStateException("a PostgreSQL server (pid " + running.get(0).pid() + ") still runs on "
                    + dir + ": stop it (or the './valora stack' that started it) first");
        }
        out.println("Starting from empty data: removing " + dir);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(DataReset::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
