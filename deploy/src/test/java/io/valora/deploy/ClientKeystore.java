package io.valora.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A client key pair for mutual TLS, signed by the private CA of a {@link LocalCertificates} folder with the JDK's
 * {@code keytool} (PKCS12, the CA's store password). It exists for tests of the mTLS listener: the broker maps the
 * certificate's CN to the principal {@code User:<cn>}.
 *
 * <p>Test-only: {@link LocalCertificates} makes the brokers' material and is owned by the secured-cluster code; a
 * client certificate is only needed where a test presents one.
 */
final class ClientKeystore {

    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    private ClientKeystore() {
    }

    /**
     * Makes {@code <dir>/<cn>.p12}: the client's key, its certificate signed by the CA, and the CA's certificate.
     *
     * @return the keystore's path (its password is {@code ca.password()})
     */
    static Path issue(LocalCertificates ca, String cn, Path logDir) {
        Path keystore = ca.dir().resolve(cn + ".p12");
        Path csr = ca.dir().resolve(cn + ".csr");
        Path signed = ca.dir().resolve(cn + ".pem");
        String caStore = ca.dir().resolve("ca.p12").toString();
        Path log = logDir.resolve("keytool-" + cn + ".log");
        keytool(ca, log, "-genkeypair", "-alias", "client", "-dname", "CN=" + cn, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "30", "-keystore", keystore.toString(), "-keypass", ca.password());
        keytool(ca, log, "-certreq", "-alias", "client", "-file", csr.toString(), "-keystore", keystore.toString());
        keytool(ca, log, "-gencert", "-alias", "ca", "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc",
                "-validity", "30", "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=clientAuth",
                "-keystore", caStore);
        keytool(ca, log, "-importcert", "-noprompt", "-alias", "ca", "-file", ca.caCertificate().toString(),
                "-keystore", keystore.toString());
        keytool(ca, log, "-importcert", "-alias", "client", "-file", signed.toString(), "-keystore", keystore.toString());
        if (!Files.exists(keystore)) {
            throw new IllegalStateException("keytool did not write " + keystore + "; see " + log);
        }
        return keystore;
    }

    private static void keytool(LocalCertificates ca, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", ca.password()));
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
