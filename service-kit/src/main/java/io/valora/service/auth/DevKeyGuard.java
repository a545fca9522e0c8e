package io.valora.service.auth;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Refuses to start a service in the {@code prod} profile (the default of a packaged service) when
 * a development key is configured: that key stands for a tenant with scopes nobody issued, so it
 * may exist only where the launcher put it, in the {@code local} profile. The message names the
 * setting, and the orchestrator shows it instead of a silently open door.
 */
@Startup
@ApplicationScoped
public class DevKeyGuard {

    DevKeyGuard(AuthSettings settings) {
        refuseInProduction(ConfigUtils.getProfiles(), settings.devKey().filter(k -> !k.isBlank()).isPresent());
    }

    /** @throws IllegalStateException when the profiles include {@code prod} and a development key is set */
    static void refuseInProduction(List<String> profiles, boolean devKeyConfigured) {
        if (devKeyConfigured && profiles.contains("prod")) {
            throw new IllegalStateException("A development API key is configured (valora.auth.dev-key / VALORA_AUTH_DEV_KEY) "
                    + "in the prod profile: refusing to start. Remove it, or run the local profile (QUARKUS_PROFILE=local) "
                    + "as the launcher does.");
        }
    }
}
