package io.valora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lookup rules, without a broker: header parsing, hashes, revocations, the development key. */
class ApiKeyAuthenticatorTest {

    private final ApiKeyRegistry registry = new ApiKeyRegistry();

    @Test
    void findsATopicKeyByTheHashOfTheBearerToken() {
        registry.apply(KeyHash.of("vk_acme_1"), key("vk_acme_1", "acme", List.of("ingest", "read"), false));
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(registry, Optional.empty());

        assertThat(authenticator.authenticate("Bearer vk_acme_1")).contains(new Caller("acme", Set.of("ingest", "read"), "id-vk_acme_1"));
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
        assertThat(new ApiKeyAuthenticator(registry, Optional.of(new DevKey("valora-dev-key", "demo", Set.of(Caller.INGEST)))).authenticate("Bearer valora-dev-key"))
                .map(Caller::tenant).contains("demo");
        assertThat(new ApiKeyAuthenticator(registry, Optional.empty()).authenticate("Bearer valora-dev-key")).isEmpty();
    }

    @Test
    void aTopicKeyWinsOverTheDevelopmentKeyWithTheSameText() {
        registry.apply(KeyHash.of("valora-dev-key"), key("valora-dev-key", "acme", List.of("ingest"), false));
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(registry,
                Optional.of(new DevKey("valora-dev-key", "demo", Set.of(Caller.INGEST))));

        assertThat(authenticator.authenticate("Bearer valora-dev-key")).map(Caller::tenant).contains("acme");
    }

    @Test
    void refusesABlankDevelopmentKeyAndNeverPrintsIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DevKey(" ", "demo", Set.of(Caller.INGEST)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DevKey("s3cret-dev", "demo", Set.of(Caller.INGEST)).toString()).doesNotContain("s3cret-dev");
    }

    @Test
    void hashesAsLowerCaseHexSha256() {
        assertThat(KeyHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyHash.of("abc")).as("the per-thread digest is reset between calls")
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyHash.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    static ApiKey key(String key, String tenant, List<String> scopes, boolean revoked) {
        return ApiKey.newBuilder().setKeyHash(KeyHash.of(key)).setKeyId("id-" + key).setTenant(tenant)
                .setScopes(List.copyOf(scopes)).setRevoked(revoked).setCreatedAt(Instant.parse("2026-11-24T00:00:00Z"))
                .setRevokedAt(revoked ? Instant.parse("2026-11-24T01:00:00Z") : null).build();
    }
}
