package io.valora.invoice.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Skips the scheduled outbox relay on instances configured with
 * {@code valora.outbox.relay-enabled=false}.
 *
 * <p>Why it exists: an operator may dedicate the relay to some instances; and a test can stop one
 * instance from relaying to prove that a row committed by a process that then dies is relayed by
 * another.
 */
@Singleton
public class RelaySwitch implements Scheduled.SkipPredicate {

    private final boolean enabled;

    RelaySwitch(@ConfigProperty(name = "valora.outbox.relay-enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
