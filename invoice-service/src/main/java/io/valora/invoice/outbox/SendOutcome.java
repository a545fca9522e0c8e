package io.valora.invoice.outbox;

import java.util.Map;

/**
 * What became of one relayed batch: every row not named here was acknowledged by the broker.
 *
 * <p>Why it exists: a row the broker refuses for good (too large, unencodable) must not fail the
 * whole batch, or one tenant's row would stop every tenant's catalog changes and key revocations.
 *
 * @param refused per row id, why the broker will never take it (the row gets parked)
 */
public record SendOutcome(Map<Long, String> refused) {
}
