package io.valora.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * TLS material for the secured local cluster, made with the JDK's {@code keytool} (nothing downloaded): a private
 * CA, one broker key pair signed by it with subject alternative names {@code 127.0.0.1} and {@code localhost}
 * (all brokers run on this host, so they share it; its CN {@code valora-broker} is also the brokers' principal
 * on the mutual-TLS controller listener), and a truststore holding only the CA, for clients.
 *
 * <p>Everything is PKCS12 with one store password. Made once per folder; later starts reuse it.
 *
 * @param dir        where the files live
 * @param password   the store password of every file
 */
public record LocalCertificates(Path dir, String password) {

    /** The broker certificate's CN, which {@code ssl.principal.mapping.rules} turns into {@code User:valora-broker}. */
    public static final String BROKER_CN = "valora-broker";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    /** The CA and the brokers' key pair (with the CA's certificate), PKCS12. */
    public Path brokerKeystore() {
        return dir.resolve("broker.p12");
    }

    /** The CA's certificate only: what clients trust. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** The CA's certificate, PEM. */
    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A broker's {@code ssl.*} settings for these files: the broker keystore and the CA-only truststore. */
    void putBrokerStores(Map<String, String> p) {
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", brokerKeystore().toString());
        p.put("ssl.keystore.password", password);
        p.put("ssl.key.password", password);
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", truststore().toString());
        p.put("ssl.truststore.password", password);
    }

    /** Makes the files unless a previous start made them. */
    public static LocalCertificates createOrReuse(Path dir, String password, Path logDir) {
        LocalCertificates certs = new LocalCertificates(dir.toAbsolutePath().normalize(), password);
        if (Files.exists(certs.brokerKeystore()) && Files.exists(certs.truststore())) {
            return certs;
        }
        try {
            Files.createDirectories(certs.dir);
            for (String f : List.of("ca.p12", "ca.pem", "broker.p12", "broker.csr", "broker.pem", "truststore.p12")) {
                Files.deleteIfExists(certs.dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
        Path log = logDir.resolve("keytool.log");
        String ca = certs.dir.resolve("ca.p12").toString();
        String broker = certs.brokerKeystore().toString();
        String csr = certs.dir.resolve("broker.csr").toString();
        String signed = certs.dir.resolve("broker.pem").toString();
        String caPem = certs.caCertificate().toString();
        certs.keytool(log, "-genkeypair", "-alias", "ca", "-dname", "CN=Valora local CA", "-ext", "bc:c",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "825", "-keystore", ca);
        certs.keytool(log, "-exportcert", "-alias", "ca", "-rfc", "-file", caPem, "-keystore", ca);
        certs.keytool(log, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore",
                certs.truststore().toString());
        certs.keytool(log, "-genkeypair", "-alias", "broker", "-dname", "CN=" + BROKER_CN, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "825", "-keystore", broker);
        certs.keytool(log, "-certreq", "-alias", "broker", "-file", csr, "-keystore", broker);
        certs.keytool(log, "-gencert", "-alias", "ca", "-infile", csr, "-outfile", signed, "-rfc", "-validity", "825",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth,clientAuth", "-keystore", ca);
        certs.keytool(log, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", broker);
        certs.keytool(log, "-importcert", "-alias", "broker", "-file", signed, "-keystore", broker);
        return certs;
    }

    private void keytool(Path log, String... args) {
        runKeytool(log, password, true, args);
    }

    /**
     * Runs the JDK's {@code keytool} with {@code args} on a PKCS12 store with password {@code password}, output
     * to {@code log}; with {@code keyPassword} a {@code -genkeypair} gets the same key password. Also used by tests
     * that issue client certificates from this CA.
     */
    static void runKeytool(Path log, String password, boolean keyPassword, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        if (keyPassword && args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass", password));
        }
        ChildProcess tool = ChildProcess.start("keytool", command, Map.of(), log);
        try {
            if (!tool.process().waitFor(KEYTOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.stop(Duration.ofSeconds(5));
                throw tool.failure("did not finish " + args[0] + " within " + KEYTOOL_TIMEOUT);
            }
            if (tool.process().exitValue() != 0) {
                throw tool.failure("failed: " + args[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
