package io.valora.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Test data folders under {@code deploy/target/}, emptied before use. */
final class TestDirs {

    private TestDirs() {
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
        return LocalStackSettings.findRepoRoot(Path.of(""));
    }

    /** Everything this test JVM started and that still runs. */
    static java.util.List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
