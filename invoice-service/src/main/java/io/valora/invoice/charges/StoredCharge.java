package io.valora.invoice.charges;

/**
 * A rated charge as read back from the database, with the revision it was last written at.
 *
 * <p>Why it exists: an invoice remembers the highest revision it was built from, so the
 * automatic close can rebuild exactly the drafts whose charges changed since.
 *
 * @param charge   the charge
 * @param revision database-wide increasing number of its last change
 */
public record StoredCharge(ChargeRow charge, long revision) {
}
