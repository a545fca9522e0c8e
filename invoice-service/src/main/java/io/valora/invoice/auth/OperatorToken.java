package io.valora.invoice.auth;

import io.valora.auth.KeyHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's credential for {@code /v1/operator/...}: a token from configuration, either in
 * clear ({@code valora.operator.token}) or as its lower-case hex SHA-256
 * ({@code valora.operator.token-sha256}, which wins when both are set). Without either, the
 * operator endpoints answer 401.
 *
 * <p>Why it exists: creating tenants is not a tenant's business, so it needs a credential that
 * no API key can stand for. Only the hash is kept in memory and compared in constant time.
 */
@ApplicationScoped
public class OperatorToken {

    private final Optional<byte[]> hash;

    OperatorToken(@ConfigProperty(name = "valora.operator.token") Optional<String> token,
                  @ConfigProperty(name = "valora.operator.token-sha256") Optional<String> tokenSha256) {
        Optional<String> fromHash = tokenSha256.map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT));
        this.hash = (fromHash.isPresent() ? fromHash : token.filter(t -> !t.isBlank()).map(KeyHash::of)).map(OperatorToken::ascii);
    }

    /** Whether an operator token is configured at all. */
    public boolean enabled() {
        return hash.isPresent();
    }

    /** Whether {@code presented} is the operator token. */
    public boolean matches(String presented) {
        return presented != null && hash.isPresent() && MessageDigest.isEqual(ascii(KeyHash.of(presented)), hash.get());
    }

    private static byte[] ascii(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
