package io.valora.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Test data folders under {@code deploy/target/}, emptied before use; shared by the ITs of every test package. */
public final class TestDirs {

    private TestDirs() {
    }

    public static Path fresh(String name) {
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

    /**
     * The checkout whose service jars the ITs run: {@code -Dvalora.repo.root} when given (e.g. a clean build of
     * one commit while the working tree is being edited), else the one around the working directory.
     */
    public static Path repoRoot() {
        String given = System.getProperty("valora.repo.root");
        return given != null && !given.isBlank() ? Path.of(given) : LocalStackSettings.findRepoRoot(Path.of(""));
    }

    /** Everything this test JVM started and that still runs. */
    public static java.util.List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
