package io.valora.invoice.keys;

import io.valora.auth.KeyHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A freshly generated API key: 256 random bits from {@link SecureRandom}, written as
 * {@code vk_<base64url>}, plus a separate random public id ({@code key_<hex>}) for listings and
 * revocation.
 *
 * <p>Why it exists: the key text exists only here and in the one response that shows it; the
 * database and the api-keys topic get {@link #hash()} only. The public id is not derived from
 * the key, so showing it reveals nothing of the secret.
 *
 * @param id     public id
 * @param secret the key text, shown once
 */
public record GeneratedKey(String id, String secret) {

    /** Bits of randomness in the secret. */
    public static final int SECRET_BITS = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key. */
    public static GeneratedKey generate() {
        byte[] secret = new byte[SECRET_BITS / 8];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[10];
        RANDOM.nextBytes(id);
        return new GeneratedKey("key_" + HexFormat.of().formatHex(id),
                "vk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Lower-case hex SHA-256 of the secret: what is stored and published. */
    public String hash() {
        return KeyHash.of(secret);
    }

    @Override
    public String toString() {
        return "GeneratedKey[id=" + id + ", secret=***]";
    }
}
