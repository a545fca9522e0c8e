package io.valora.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.ApiKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {

    private final ApiKeyRegistry registry = new ApiKeyRegistry();

    @Test
    void findsATopicKeyByTheHashOfTheBearerToken() {
        registry.apply(KeyHash.of("vk_acme_1"), key("vk_acme_1", "acme", List.of("ingest", "read"), false));
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(registry, null, "demo");

        assertThat(authenticator.authenticate("Bearer vk_acme_1")).contains(new Caller("acme", java.util.Set.of("ingest", "read"), "id-vk_acme_1"));
        assertThat(authenticator.authenticate("bearer vk_acme_1")).as("scheme is case-insensitive").isPresent();
        assertThat(authenticator.authenticate("Bearer vk_acme_2")).isEmpty();
        assertThat(authenticator.authenticate("Basic dms6")).isEmpty();
        assertThat(authenticator.authenticate("Bearer ")).isEmpty();
        assertThat(authenticator.authenticate(null)).isEmpty();
    }

    @Test
    void forgetsRevokedAndTombstonedKeys() {
        String hash = KeyHash.of("vk_gone");
        registry.apply(hash, key("vk_gone", "acme", List.of("ingest"), false));
        registry.apply(hash, key("vk_gone", "acme", List.of("ingest"), true));
        assertThat(registry.find(hash)).as("revoked").isEmpty();

        registry.apply(hash, key("vk_gone", "acme", List.of("ingest"), false));
        registry.apply(hash, null);
        assertThat(registry.find(hash)).as("tombstone").isEmpty();
    }

    @Test
    void ignoresARecordWhoseKeyDoesNotMatchItsHash() {
        registry.apply(KeyHash.of("other"), key("vk_mismatch", "acme", List.of("ingest"), false));

        assertThat(registry.size()).isZero();
    }

    @Test
    void acceptsTheDevelopmentKeyOnlyWhenEnabled() {
        assertThat(new ApiKeyAuthenticator(registry, "valora-dev-key", "demo").authenticate("Bearer valora-dev-key"))
                .map(Caller::tenant).contains("demo");
        assertThat(new ApiKeyAuthenticator(registry, null, "demo").authenticate("Bearer valora-dev-key")).isEmpty();
    }

    @Test
    void hashesAsLowerCaseHexSha256() {
        assertThat(KeyHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    static ApiKey key(String key, String tenant, List<String> scopes, boolean revoked) {
        return ApiKey.newBuilder().setKeyHash(KeyHash.of(key)).setKeyId("id-" + key).setTenant(tenant)
                .setScopes(List.copyOf(scopes)).setRevoked(revoked).setCreatedAt(Instant.parse("2026-11-24T00:00:00Z"))
                .setRevokedAt(revoked ? Instant.parse("2026-11-24T01:00:00Z") : null).build();
    }
}
