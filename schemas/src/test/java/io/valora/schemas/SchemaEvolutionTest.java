package io.valora.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.codec.SchemaHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Guards schema evolution: every schema in {@code src/main/avro} must be recorded as the latest
 * version of its history and must read records written by every earlier version.
 */
class SchemaEvolutionTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/main/resources/avro-history");

    @Test
    void everySchemaReadsEveryPreviousVersion() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path source : currentSchemas()) {
            Schema current = parse(source);
            List<Schema> history = SchemaHistory.bundled().versions(current.getName());
            if (history.isEmpty()) {
                problems.add(current.getName() + " has no history: add avro-history/" + current.getName() + "/v1.avsc and list it in index.txt");
                continue;
            }
            for (int v = 0; v < history.size(); v++) {
                problems.addAll(backwardProblems(current, history.get(v), current.getName() + " v" + (v + 1)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void latestHistoryVersionIsTheCurrentSchema() throws IOException {
        for (Path source : currentSchemas()) {
            Schema current = parse(source);
            List<Schema> history = SchemaHistory.bundled().versions(current.getName());
            assertThat(history).as("history of %s", current.getName()).isNotEmpty();
            assertThat(history.get(history.size() - 1))
                    .as("%s changed: copy it to avro-history/%s/v%d.avsc and list it in index.txt",
                            current.getName(), current.getName(), history.size() + 1)
                    .isEqualTo(current);
        }
    }

    @Test
    void everyHistoryFileIsListedInTheIndex() throws IOException {
        List<String> indexed = Files.readAllLines(HISTORY.resolve("index.txt")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.walk(HISTORY)) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".avsc"))
                    .map(p -> HISTORY.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(indexed).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void detectsAnIncompatibleChange() throws IOException {
        Schema previous = parseResource("/incompatible/RatedCharge-previous.avsc");
        Schema changed = parseResource("/incompatible/RatedCharge-required-field-added.avsc");

        assertThat(backwardProblems(changed, previous, "fixture"))
                .singleElement().asString().contains("fixture").contains("addedWithoutDefault");
    }

    private static List<String> backwardProblems(Schema reader, Schema writer, String label) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return List.of(label + " cannot be read by the current schema: " + result.getResult().getIncompatibilities());
    }

    private static List<Path> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            List<Path> schemas = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
            assertThat(schemas).isNotEmpty();
            return schemas;
        }
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }

    private static Schema parseResource(String path) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(path)) {
            return new Schema.Parser().parse(in);
        }
    }
}
