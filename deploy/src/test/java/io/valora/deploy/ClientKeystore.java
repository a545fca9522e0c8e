package io.valora.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client key pair for mutual TLS, signed by the private CA of a {@link LocalCertificates} folder with the JDK's
 * {@code keytool} (PKCS12, the CA's store password). It exists for tests of the mTLS listener: the broker maps the
 * certificate's CN to the principal {@code User:<cn>}.
 *
 * <p>Test-only: {@link LocalCertificates} makes the brokers' material and is owned by the secured-cluster code; a
 * client certificate is only needed where a test presents one.
 */
final class ClientKeystore {

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
        LocalCertificates.runKeytool(log, ca.password(), false, args);
    }
}
