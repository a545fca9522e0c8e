package io.valora.service.auth;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the {@code api-keys} topic has been read to its end once: before that, valid
 * keys would be answered 401, and a load balancer should not send traffic yet.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "valora.auth.key-source", stringValue = "topic", enableIfMissing = true)
public class ApiKeysReadiness implements HealthCheck {

    private final TopicApiKeys keys;

    ApiKeysReadiness(TopicApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-keys").status(keys.caughtUp())
                .withData("activeKeys", keys.registry().size()).build();
    }
}
