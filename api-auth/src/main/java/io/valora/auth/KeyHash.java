package io.valora.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way an API key is turned into its stored form: lower-case hex SHA-256 of the key text,
 * exactly as {@code ApiKey.keyHash} is documented, so every service finds the keys invoice-service
 * wrote. Services keep and compare only this form, never the key itself.
 */
public final class KeyHash {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyHash::sha256);

    private KeyHash() {
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code key}. */
    public static String of(String key) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
