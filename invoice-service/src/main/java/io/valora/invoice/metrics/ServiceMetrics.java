package io.valora.invoice.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.valora.invoice.charges.ConsumerStatus;
import io.valora.invoice.close.CloseFailureLog;
import io.valora.invoice.outbox.OutboxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Registers the service's own meters on {@code /q/metrics}: what is stuck or refused, so an
 * operator's alert fires before a tenant notices a missing invoice.
 *
 * <p>Why it exists: the parts that isolate failures (close failures, dead letters, paused
 * partitions) keep working for everyone else, so their trouble would otherwise be invisible. The
 * meters read counts the parts already keep; nothing here touches the database on a scrape.
 */
@ApplicationScoped
public class ServiceMetrics {

    private final MeterRegistry registry;
    private final ConsumerStatus consumer;
    private final CloseFailureLog closeFailures;
    private final OutboxStatus outbox;

    ServiceMetrics(MeterRegistry registry, ConsumerStatus consumer, CloseFailureLog closeFailures, OutboxStatus outbox) {
        this.registry = registry;
        this.consumer = consumer;
        this.closeFailures = closeFailures;
        this.outbox = outbox;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("valora.invoice.close.failures", closeFailures, CloseFailureLog::openCount)
                .description("Periods the scheduler could not close (retried with backoff; GET /v1/invoices/close-failures)")
                .register(registry);
        FunctionCounter.builder("valora.invoice.charges.dead.letters", consumer, ConsumerStatus::deadLetteredCount)
                .description("Rated-charge records published to the dead-letter topic").register(registry);
        Gauge.builder("valora.invoice.charges.blocked.partitions", consumer, c -> c.blockedPartitions().size())
                .description("rated-charges partitions paused at a record of a schema this version does not know")
                .register(registry);
        Gauge.builder("valora.invoice.outbox.parked.rows", outbox, OutboxStatus::parkedRows)
                .description("Outbox rows parked because the broker refuses them (they hold back later rows of their key)")
                .register(registry);
        Gauge.builder("valora.invoice.charges.consumer.running", consumer, c -> c.running() ? 1 : 0)
                .description("1 while the rated-charge consumer runs").register(registry);
        FunctionCounter.builder("valora.invoice.charges.consumer.restarts", consumer, ConsumerStatus::restartCount)
                .description("Restarts of the rated-charge consumer after a failure").register(registry);
    }
}
