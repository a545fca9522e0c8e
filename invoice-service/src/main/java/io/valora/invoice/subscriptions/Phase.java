package io.valora.invoice.subscriptions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One plan version in force over {@code [from, until)} of a subscription.
 *
 * @param plan        plan key
 * @param planVersion plan version
 * @param from        inclusive start
 * @param until       exclusive end; empty for the current, open-ended phase
 */
public record Phase(String plan, int planVersion, Instant from, Optional<Instant> until) {

    /** Requires plan, start, and an end after the start. */
    public Phase {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isPresent() && !until.get().isAfter(from)) {
            throw new IllegalArgumentException("a phase must end after it starts: " + from + " .. " + until.get());
        }
    }

    /** True when {@code t} is inside the phase. */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && until.map(t::isBefore).orElse(true);
    }

    /** The same phase ending at {@code end}. */
    public Phase endingAt(Instant end) {
        return new Phase(plan, planVersion, from, Optional.of(end));
    }
}
