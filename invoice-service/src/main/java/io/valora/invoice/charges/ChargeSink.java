package io.valora.invoice.charges;

import java.util.List;

/**
 * Where a consumer session puts what it read: charges into the database, refused records onto the
 * dead-letter topic. Either throws when it could not; the session then rewinds and retries.
 *
 * <p>Why it exists: the session's loop (commits, pauses, rebalances) is tested without a database.
 */
public interface ChargeSink {

    /** Publishes refused records to the dead-letter topic; returns once the broker has them. */
    void deadLetter(List<DeadLetter> letters);

    /** Stores the charges in one transaction; returns how many rows changed. */
    int store(List<ChargeRow> charges);
}
