package io.valora.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The interim development API key and the tenant it stands for. Real, hashed, scoped keys come
 * from invoice-service later; until then one configured key lets a laptop install work.
 */
@ConfigMapping(prefix = "valora.auth")
public interface DevApiKey {

    /** The key clients send as {@code Authorization: Bearer <key>}. */
    @WithName("dev-key")
    String key();

    /** The tenant every request with that key acts for. */
    @WithName("dev-tenant")
    String tenant();
}
