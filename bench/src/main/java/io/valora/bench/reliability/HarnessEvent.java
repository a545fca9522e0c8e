package io.valora.bench.reliability;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One usage event as the harness sends it.
 *
 * @param tenant   whose key sends it
 * @param id       event id (a duplicate repeats it)
 * @param customer subject
 * @param meter    meter key (the type is {@link HarnessCatalog#eventType})
 * @param time     event time
 * @param value    {@code data.value}
 * @param phase    which part of the run sends it
 */
public record HarnessEvent(String tenant, String id, String customer, String meter, Instant time, BigDecimal value,
        Phase phase) {

    /** The parts of a run, sent one after another, each fully acknowledged before the next starts. */
    public enum Phase {
        /** The previous month, in time, before anything of the current one: rated on time. */
        PREVIOUS,
        /** The current month up to the run's start, before the plan changes. */
        CURRENT,
        /** After the plan changes, event times just after them. */
        AFTER_CHANGE,
        /** The previous month again, once it is final: late usage, billed as adjustments. */
        LATE
    }

    public String customerKey() {
        return tenant + "/" + customer;
    }
}
