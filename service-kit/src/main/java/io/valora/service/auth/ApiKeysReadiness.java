package io.valora.service.auth;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the {@code api-keys} topic has been read to its end once (before that, valid
 * keys would be answered 401), nor while its reader is stopped (then every topic key is refused,
 * fail closed); the data names the cause and counts records skipped as unreadable.
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
        var response = HealthCheckResponse.named("api-keys").status(keys.caughtUp() && keys.failure().isEmpty())
                .withData("activeKeys", keys.registry().size()).withData("skippedRecords", keys.skippedRecords());
        keys.failure().ifPresent(cause -> response.withData("stopped", cause));
        return response.build();
    }
}
