package io.valora.rating.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} request by its {@code Authorization: Bearer} key and records the
 * key's tenant, which scopes every query: the tenant never comes from the request itself. Health,
 * metrics and OpenAPI stay open. Same key semantics as the gateway; only the development key
 * is known here yet, compared by SHA-256 in constant time.
 */
@ApplicationScoped
public class ApiKeyFilter {

    /** Request property holding the authenticated tenant. */
    static final String TENANT = "valora.tenant";

    private final byte[] devKeyHash;
    private final String devTenant;

    ApiKeyFilter(RatingConfig config) {
        RatingConfig.Auth auth = config.auth();
        this.devKeyHash = auth.devKeyEnabled()
                ? sha256(auth.devKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "valora.auth.dev-key-enabled=true needs a non-blank valora.auth.dev-key")))
                : null;
        this.devTenant = auth.devTenant();
    }

    /** Returns {@code null} to let the request through, or the 401 that ends it. */
    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (bearer && devKeyHash != null && MessageDigest.isEqual(sha256(header.substring(7).trim()), devKeyHash)) {
            request.setProperty(TENANT, devTenant);
            return null;
        }
        return Problems.response(401, "unauthorized", "Missing or unknown API key",
                "Send 'Authorization: Bearer <api key>' with a valid key.");
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
