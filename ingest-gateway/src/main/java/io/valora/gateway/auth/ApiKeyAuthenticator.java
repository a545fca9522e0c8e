package io.valora.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who calls from the {@code Authorization: Bearer} header, and from nothing else: keys
 * from the {@code api-keys} topic first, then the development key if it is enabled.
 *
 * <p>Only hashes are kept; the development key's hash is compared in constant time so response
 * timing reveals nothing about it.
 */
public final class ApiKeyAuthenticator {

    private final ApiKeyRegistry registry;
    private final byte[] devKeyHash;
    private final Caller devCaller;

    /**
     * @param registry keys read from the topic
     * @param devKey the development key, or {@code null} when disabled
     * @param devTenant the tenant of the development key
     */
    public ApiKeyAuthenticator(ApiKeyRegistry registry, String devKey, String devTenant) {
        this.registry = registry;
        if (devKey != null && devKey.isBlank()) {
            throw new IllegalArgumentException("valora.auth.dev-key must not be blank when the dev key is enabled");
        }
        this.devKeyHash = devKey == null ? null : KeyHash.of(devKey).getBytes(StandardCharsets.US_ASCII);
        this.devCaller = devKey == null ? null : new Caller(devTenant, Set.of(Caller.INGEST), "dev-key");
    }

    /** The caller for an {@code Authorization} header value, or empty if it is missing or unknown. */
    public Optional<Caller> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = authorizationHeader.substring(7).trim();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String hash = KeyHash.of(key);
        Optional<Caller> fromTopic = registry.find(hash);
        if (fromTopic.isPresent()) {
            return fromTopic;
        }
        if (devKeyHash != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), devKeyHash)) {
            return Optional.of(devCaller);
        }
        return Optional.empty();
    }
}
