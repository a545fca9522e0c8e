package io.valora.schemas.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every Valora schema, read from the classpath
 * ({@code avro-history/index.txt} lists them, oldest first per record).
 *
 * <p>It exists so that a reader can decode records written by any earlier release: the
 * single-object encoding carries only a schema fingerprint, and this is where the fingerprint
 * is resolved, without a registry process. The compatibility test reads the same history.
 */
public final class SchemaHistory {

    private static final String ROOT = "avro-history/";
    private static final SchemaHistory BUNDLED = load();

    private final Map<String, List<Schema>> versionsByName;
    private final SchemaStore.Cache store = new SchemaStore.Cache();

    private SchemaHistory(Map<String, List<Schema>> versionsByName) {
        this.versionsByName = versionsByName;
        versionsByName.values().forEach(versions -> versions.forEach(store::addSchema));
    }

    /** The history bundled in this jar. */
    public static SchemaHistory bundled() {
        return BUNDLED;
    }

    /** All released versions of the record with this simple name, oldest first. */
    public List<Schema> versions(String recordName) {
        return versionsByName.getOrDefault(recordName, List.of());
    }

    /** Names of all records with a history. */
    public List<String> recordNames() {
        return List.copyOf(versionsByName.keySet());
    }

    /** A store that resolves single-object fingerprints of every released version. */
    public SchemaStore store() {
        return store;
    }

    private static SchemaHistory load() {
        Map<String, List<Schema>> versions = new LinkedHashMap<>();
        for (String entry : readIndex()) {
            String recordName = entry.substring(0, entry.indexOf('/'));
            try (InputStream in = resource(ROOT + entry)) {
                Schema schema = new Schema.Parser().parse(in);
                versions.computeIfAbsent(recordName, k -> new ArrayList<>()).add(schema);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema history entry " + entry, e);
            }
        }
        versions.replaceAll((name, list) -> Collections.unmodifiableList(list));
        return new SchemaHistory(Collections.unmodifiableMap(versions));
    }

    private static List<String> readIndex() {
        try (InputStream in = resource(ROOT + "index.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema history index", e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + path + " (is valora-schemas on the classpath?)");
        }
        return in;
    }
}
