package io.valora.invoice.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The interim credential: one development API key from configuration that stands for one tenant.
 * Real, per-tenant API keys replace it in a later release.
 *
 * <p>Why it exists: every request must be scoped to a tenant that comes from the credential,
 * never from the payload, from the very first release. Only the key's SHA-256 is kept, and a
 * presented key is compared by hash in constant time.
 */
@ApplicationScoped
public class DevApiKey {

    private final byte[] keyHash;
    private final String tenant;

    DevApiKey(@ConfigProperty(name = "valora.auth.dev-key", defaultValue = "valora-dev-key") String key,
              @ConfigProperty(name = "valora.auth.dev-tenant", defaultValue = "demo") String tenant) {
        if (key.isBlank() || tenant.isBlank()) {
            throw new IllegalArgumentException("valora.auth.dev-key and valora.auth.dev-tenant must not be blank");
        }
        this.keyHash = sha256(key);
        this.tenant = tenant;
    }

    /** The tenant this key stands for, or empty when the key is not the configured one. */
    public Optional<String> tenantFor(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(sha256(presentedKey), keyHash) ? Optional.of(tenant) : Optional.empty();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
