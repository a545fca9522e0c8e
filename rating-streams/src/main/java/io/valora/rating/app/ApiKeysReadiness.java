package io.valora.rating.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the {@code api-keys} topic has been read to its end once: before that, valid
 * keys would be answered 401, and a load balancer should not send queries yet.
 */
@Readiness
@ApplicationScoped
public class ApiKeysReadiness implements HealthCheck {

    private final ApiKeys keys;

    ApiKeysReadiness(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-keys").status(keys.caughtUp()).withData("activeKeys", keys.activeKeys()).build();
    }
}
