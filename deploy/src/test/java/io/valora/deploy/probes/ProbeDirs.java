package io.valora.deploy.probes;

import io.valora.deploy.LocalStackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the probes' stack keeps its data, and which checkout's service jars it runs; the same conventions as the
 * other deploy ITs ({@code valora.test.dir}, {@code valora.repo.root}), seen from this package.
 */
final class ProbeDirs {

    private ProbeDirs() {
    }

    static Path fresh(String name) {
        Path dir = Path.of(System.getProperty("valora.test.dir", "target/test-data")).toAbsolutePath().resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repoRoot() {
        String given = System.getProperty("valora.repo.root");
        return given != null && !given.isBlank() ? Path.of(given) : LocalStackSettings.findRepoRoot(Path.of(""));
    }

    /** Everything this test JVM started that still runs. */
    static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
