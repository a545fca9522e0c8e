package io.valora.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The generated passwords of a {@link SecureCluster} (the TLS stores', the super user's, each service user's), made
 * on first use and kept in {@code <dataDir>/secrets.properties} (local use only), so a restarted cluster finds its
 * users and stores again.
 */
final class ClusterSecrets {

    private final Path file;
    private final Properties secrets;

    private ClusterSecrets(Path file, Properties secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    /** Reads {@code file}, adding the TLS and super user passwords if it has none yet. */
    static ClusterSecrets loadOrCreate(Path file) {
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
            }
            boolean changed = false;
            for (String key : List.of("tls.password", "admin.password")) {
                if (p.getProperty(key) == null) {
                    p.setProperty(key, randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                store(p, file);
            }
            return new ClusterSecrets(file, p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }

    String tlsPassword() {
        return secrets.getProperty("tls.password");
    }

    String adminPassword() {
        return secrets.getProperty("admin.password");
    }

    /** The generated password of {@code user} (made and kept on first use); {@code admin} has its own. */
    synchronized String password(String user) {
        String key = SecureServerProperties.ADMIN_USER.equals(user) ? "admin.password" : "user." + user + ".password";
        String value = secrets.getProperty(key);
        if (value == null) {
            value = randomSecret();
            secrets.setProperty(key, value);
            store(secrets, file);
        }
        return value;
    }

    private static void store(Properties p, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Generated passwords of the secured local Kafka cluster (local use only)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** 24 random hex characters: no character needs quoting in JAAS lines, properties or StorageTool's syntax. */
    private static String randomSecret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
