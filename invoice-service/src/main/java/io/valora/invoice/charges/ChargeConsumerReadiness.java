package io.valora.invoice.charges;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code rated-charge-consumer}: DOWN while the consumer is not running (starting,
 * restarting after a failure, stopped) or while a partition waits at a record of a schema this
 * version does not know, with the reason in the data.
 *
 * <p>Why it exists: invoices are only as complete as the charges read; an instance that stopped
 * reading must not look healthy (design invariant 6: a part that stopped names itself).
 */
@Readiness
@ApplicationScoped
public class ChargeConsumerReadiness implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "rated-charge-consumer";

    private final ConsumerStatus status;

    ChargeConsumerReadiness(ConsumerStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(status.healthy())
                .withData("running", status.running())
                .withData("deadLettered", status.deadLetteredCount())
                .withData("restarts", status.restartCount())
                .withData("commitFailures", status.commitFailureCount());
        if (status.notRunningReason() != null) {
            response.withData("reason", status.notRunningReason());
        }
        status.blockedPartitions().forEach((partition, reason) -> response.withData("blocked." + partition, reason));
        if (!status.blockedPartitions().isEmpty() && status.running()) {
            response.withData("reason", "waiting for a newer invoice-service at " + String.join(", ", status.blockedPartitions().keySet()));
        }
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        return response.build();
    }
}
