package io.valora.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Decides who calls from the {@code Authorization: Bearer} header, and from nothing else: keys
 * from the {@code api-keys} topic first, then the development key if one is given. It exists so
 * every service answers the same header the same way; mapping "no caller" to 401 and a missing
 * scope to 403 is left to the service's own HTTP layer.
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
     * @param devKey the development key, or empty when it is disabled
     */
    public ApiKeyAuthenticator(ApiKeyRegistry registry, Optional<DevKey> devKey) {
        this.registry = registry;
        this.devKeyHash = devKey.map(d -> KeyHash.of(d.key()).getBytes(StandardCharsets.US_ASCII)).orElse(null);
        this.devCaller = devKey.map(d -> new Caller(d.tenant(), d.scopes(), DevKey.KEY_ID)).orElse(null);
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
