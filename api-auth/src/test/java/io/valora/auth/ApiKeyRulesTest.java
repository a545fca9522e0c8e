package io.valora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lookup rules, without a broker: header parsing, hashes, revocations, the development key. */
class ApiKeyRulesTest {

    private final ApiKeyRegistry registry = new ApiKeyRegistry();

    @Test
    void findsATopicKeyByTheHashOfTheBearerToken() {
        registry.apply(KeyHash.of("vk_acme_1"), key("vk_acme_1", "acme", List.of("ingest", "read"), false));

        assertThat(BearerToken.of("Bearer vk_acme_1").map(KeyHash::of).flatMap(registry::find))
                .contains(new Caller("acme", Set.of("ingest", "read"), "id-vk_acme_1"));
        assertThat(BearerToken.of("bearer  vk_acme_1 ")).as("scheme is case-insensitive, blanks dropped").contains("vk_acme_1");
        assertThat(registry.find(KeyHash.of("vk_acme_2"))).isEmpty();
        assertThat(BearerToken.of("Basic dms6")).isEmpty();
        assertThat(BearerToken.of("Bearer ")).isEmpty();
        assertThat(BearerToken.of(null)).isEmpty();
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
    void revocationIsTerminalWhateverOrderTheRecordsComeIn() {
        String hash = KeyHash.of("vk_moved");
        registry.apply(hash, key("vk_moved", "acme", List.of("ingest"), true));
        registry.apply(hash, key("vk_moved", "acme", List.of("ingest"), false));
        assertThat(registry.find(hash)).as("an older active record read after the revocation").isEmpty();

        String deleted = KeyHash.of("vk_deleted");
        registry.apply(deleted, null);
        registry.apply(deleted, key("vk_deleted", "acme", List.of("ingest"), false));
        assertThat(registry.find(deleted)).as("after a tombstone").isEmpty();

        String unreadable = KeyHash.of("vk_unreadable");
        registry.forget(unreadable);
        registry.apply(unreadable, key("vk_unreadable", "acme", List.of("ingest"), false));
        assertThat(registry.find(unreadable)).as("an unreadable record is not a revocation").isPresent();
    }

    @Test
    void ignoresARecordWhoseKeyDoesNotMatchItsHash() {
        registry.apply(KeyHash.of("other"), key("vk_mismatch", "acme", List.of("ingest"), false));

        assertThat(registry.size()).isZero();
    }

    @Test
    void theDevelopmentKeyStandsForItsTenantAndScopesOnly() {
        DevKey dev = new DevKey("valora-dev-key", "demo", Set.of(Roles.INGEST));

        assertThat(dev.callerFor("valora-dev-key")).contains(new Caller("demo", Set.of("ingest"), DevKey.KEY_ID));
        assertThat(dev.callerFor("valora-dev-key2")).isEmpty();
        assertThat(dev.callerFor(null)).isEmpty();
    }

    @Test
    void scopeCodesAreTheRoleNames() {
        assertThat(Scope.INGEST.code()).isEqualTo(Roles.INGEST);
        assertThat(Scope.READ.code()).isEqualTo(Roles.READ);
        assertThat(Scope.ADMIN.code()).isEqualTo(Roles.ADMIN);
        assertThat(Scope.ofCode("admin")).contains(Scope.ADMIN);
        assertThat(Scope.ofCode(Roles.OPERATOR)).as("no key can carry the operator role").isEmpty();
    }

    @Test
    void refusesABlankDevelopmentKeyAndNeverPrintsIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DevKey(" ", "demo", Set.of(Roles.INGEST)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DevKey("k", " ", Set.of(Roles.INGEST)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DevKey("s3cret-dev", "demo", Set.of(Roles.INGEST)).toString()).doesNotContain("s3cret-dev");
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
