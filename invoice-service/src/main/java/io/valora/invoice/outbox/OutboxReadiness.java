package io.valora.invoice.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code outbox}: DOWN while the relay's last run failed (broker away, topics not
 * creatable), with the error; the parked rows are data, not a DOWN, because a parked row stops
 * only its own key and taking the instance out of service would stop everyone.
 *
 * <p>Why it exists: design invariant 6 — a part that stopped names itself.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxStatus status;

    OutboxReadiness(OutboxStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").status(status.failure() == null)
                .withData("parkedRows", status.parkedRows());
        if (status.failure() != null) {
            response.withData("reason", "the last relay run failed: " + status.failure());
        }
        return response.build();
    }
}
