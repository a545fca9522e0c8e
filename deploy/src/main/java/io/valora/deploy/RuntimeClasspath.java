package io.valora.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath the broker and the PostgreSQL wrapper run on: the deploy module's runtime dependencies as
 * resolved by Maven ({@code maven-dependency-plugin:build-classpath} writes {@code deploy/target/runtime.classpath}
 * at build time), plus the deploy module's own classes.
 *
 * @param entries jars and class folders, in order
 */
public record RuntimeClasspath(List<Path> entries) {

    /** System property that points at the classpath file (set by the build for tests). */
    public static final String FILE_PROPERTY = "valora.runtime.classpath";

    public RuntimeClasspath {
        entries = List.copyOf(entries);
    }

    /** The file Maven wrote for the repository at {@code repoRoot}, unless {@value #FILE_PROPERTY} names another. */
    public static Path defaultFile(Path repoRoot) {
        String configured = System.getProperty(FILE_PROPERTY);
        return configured != null ? Path.of(configured) : repoRoot.resolve("deploy/target/runtime.classpath");
    }

    /** Reads the file and puts the deploy module's own classes in front. */
    public static RuntimeClasspath load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("runtime classpath " + file + " is missing: build the deploy module first ("
                    + "./mvnw -B -f deploy/pom.xml package -DskipTests)");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            List<Path> entries = new ArrayList<>();
            entries.add(ownClasses());
            Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(entries::add);
            List<Path> missing = entries.stream().filter(p -> !Files.exists(p)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("runtime classpath " + file + " names files that do not exist "
                        + "(rebuild the deploy module): " + missing);
            }
            return new RuntimeClasspath(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or class folder holding this module's classes. */
    static Path ownClasses() {
        try {
            return Path.of(RuntimeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code -cp} argument. */
    public String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }
}
