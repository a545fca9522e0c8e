package io.valora.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way an API key is turned into its stored form: lower-case hex SHA-256 of the key text,
 * exactly as {@code ApiKey.keyHash} is documented, so the gateway finds keys invoice-service wrote.
 */
public final class KeyHash {

    private KeyHash() {
    }

    public static String of(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
