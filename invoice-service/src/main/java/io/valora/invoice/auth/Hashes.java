package io.valora.invoice.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of secrets, as bytes or lower-case hex.
 *
 * <p>Why it exists: API keys and the operator token are kept and compared only as hashes; the
 * hex form is what the {@code api_keys} table and the {@code api-keys} topic carry, so every
 * service derives it the same way.
 */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256 of the UTF-8 bytes of {@code value}. */
    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Lower-case hex SHA-256 of {@code value}. */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }
}
