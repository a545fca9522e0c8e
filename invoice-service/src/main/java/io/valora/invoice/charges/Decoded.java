package io.valora.invoice.charges;

/**
 * What one {@code rated-charges} record turned out to be ({@link ChargeDecoder}).
 *
 * <p>Why it exists: the consumer treats the cases very differently — store it, ignore a
 * tombstone, stop the partition until a newer version of this service reads it, or move it to the
 * dead-letter topic and go on — and a closed set makes every caller handle each.
 */
public sealed interface Decoded {

    /** A valid charge. */
    record Charge(ChargeRow row) implements Decoded {
    }

    /** A null value (a compaction tombstone): nothing to store. */
    record Tombstone() implements Decoded {
    }

    /**
     * A well-formed single-object record whose writer schema this version does not know: written
     * by a newer Valora (upgrade skew). Committing past it would drop a charge for good.
     */
    record UnknownSchema(long fingerprint, String reason) implements Decoded {
    }

    /** Anything else that cannot become a charge: garbage, another record type, invalid fields. */
    record Undecodable(RuntimeException cause) implements Decoded {
    }
}
