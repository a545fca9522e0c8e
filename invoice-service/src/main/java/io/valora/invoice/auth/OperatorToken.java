package io.valora.invoice.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.HexFormat;
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
        Optional<byte[]> fromHash = tokenSha256.map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT)));
        this.hash = fromHash.isPresent() ? fromHash : token.filter(t -> !t.isBlank()).map(Hashes::sha256);
    }

    /** Whether an operator token is configured at all. */
    public boolean enabled() {
        return hash.isPresent();
    }

    /** Whether {@code presented} is the operator token. */
    public boolean matches(String presented) {
        return presented != null && hash.isPresent() && MessageDigest.isEqual(Hashes.sha256(presented), hash.get());
    }
}
