package io.valora.invoice.close;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's notion of "now": the system UTC clock unless another {@link Clock} bean exists.
 *
 * <p>Why it exists: period close depends on time; tests replace this clock instead of waiting
 * for the wall clock.
 */
@Dependent
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
