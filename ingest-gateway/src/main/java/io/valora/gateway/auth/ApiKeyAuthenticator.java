package io.valora.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Decides the tenant of a request from its bearer key, and from nothing else.
 *
 * <p>Only the SHA-256 of the configured key is kept, and candidates are compared in constant
 * time, so neither a heap dump nor response timing reveals the key.
 */
public final class ApiKeyAuthenticator {

    private final byte[] keyHash;
    private final String tenant;

    public ApiKeyAuthenticator(String key, String tenant) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("valora.auth.dev-key must not be empty");
        }
        this.keyHash = sha256(key);
        this.tenant = tenant;
    }

    /** The tenant for an {@code Authorization} header value, or empty if it is missing or wrong. */
    public Optional<String> tenantFor(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] candidate = sha256(authorizationHeader.substring(7).trim());
        return MessageDigest.isEqual(candidate, keyHash) ? Optional.of(tenant) : Optional.empty();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
