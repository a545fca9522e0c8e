package io.valora.billing.invoice;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic line and invoice ids derived from a natural key.
 *
 * <p>Why it exists: a recomputation (re-rating, replay, a restarted stream) must overwrite the
 * line it computed before instead of adding a second one, so every write is an upsert keyed by
 * an id that depends only on what the line is, e.g.
 * {@code LineIds.of(tenant, subscription, meter, periodStart, "usage")}.
 *
 * <p>The id is a name-based UUID, version 5 (SHA-1, RFC 9562), in a fixed Valora namespace.
 * Each part is length-prefixed before hashing so that {@code ("a|b", "c")} and
 * {@code ("a", "b|c")} differ. Same parts, same id, on every JVM and forever: changing this
 * algorithm would duplicate lines and is therefore not allowed.
 */
public final class LineIds {

    /** The fixed namespace of Valora's ids, chosen once; never change it. */
    public static final UUID NAMESPACE = UUID.fromString("5b9e4a5c-3a43-5c1e-9d2e-8a0c3f2d7b61");

    private LineIds() {
    }

    /**
     * The id for the natural key made of these parts, in order.
     *
     * @throws IllegalArgumentException when no part is given or a part is null
     */
    public static String of(String... naturalKeyParts) {
        Objects.requireNonNull(naturalKeyParts, "naturalKeyParts");
        if (naturalKeyParts.length == 0) {
            throw new IllegalArgumentException("a line id needs at least one natural-key part");
        }
        MessageDigest sha1 = sha1();
        sha1.update(toBytes(NAMESPACE));
        for (int i = 0; i < naturalKeyParts.length; i++) {
            String part = naturalKeyParts[i];
            if (part == null) {
                throw new IllegalArgumentException("natural-key part " + i + " is null");
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha1.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha1.update(bytes);
        }
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }
}
