package io.valora.invoice.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bootstrap credential: one development API key from configuration that stands for one
 * tenant with every scope. Set {@code valora.auth.dev-key} to an empty value to switch it off
 * once real keys exist.
 *
 * <p>Why it exists: the local launcher, the demo and the end-to-end test need a key before any
 * tenant has been created through the operator endpoint. Only the key's SHA-256 is kept, and a
 * presented key is compared by hash in constant time.
 */
@ApplicationScoped
public class DevApiKey {

    /** The key id reported for requests made with the development key. */
    public static final String KEY_ID = "dev";

    private final Optional<byte[]> keyHash;
    private final String tenant;

    DevApiKey(@ConfigProperty(name = "valora.auth.dev-key") Optional<String> key,
              @ConfigProperty(name = "valora.auth.dev-tenant", defaultValue = "demo") String tenant) {
        if (key.isPresent() && !key.get().isBlank() && tenant.isBlank()) {
            throw new IllegalArgumentException("valora.auth.dev-tenant must not be blank when valora.auth.dev-key is set");
        }
        this.keyHash = key.filter(k -> !k.isBlank()).map(Hashes::sha256);
        this.tenant = tenant;
    }

    /** The tenant this key stands for, or empty when the key is not the configured one. */
    public Optional<String> tenantFor(String presentedKey) {
        return principalFor(presentedKey).map(Principal::tenant);
    }

    /** The development principal (all scopes) when {@code presentedKey} is the development key. */
    public Optional<Principal> principalFor(String presentedKey) {
        if (presentedKey == null || keyHash.isEmpty()) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(Hashes.sha256(presentedKey), keyHash.get())
                ? Optional.of(new Principal(tenant, EnumSet.allOf(Scope.class), KEY_ID))
                : Optional.empty();
    }
}
