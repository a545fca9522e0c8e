package io.valora.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.valora.auth.Scope;
import io.valora.invoice.keys.NewKey;
import io.valora.invoice.keys.StoredApiKey;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of an API key. {@code key} (the key text) is present only in the answer that
 * created the key; it is not stored and cannot be shown again.
 *
 * @param id        public id, used to revoke
 * @param name      label
 * @param scopes    granted scopes
 * @param createdAt ISO-8601 instant
 * @param revoked   whether it is revoked
 * @param revokedAt ISO-8601 instant, or absent
 * @param key       the key text, only at creation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyJson(String id, String name, List<String> scopes, String createdAt, boolean revoked,
                         String revokedAt, String key) {

    static ApiKeyJson of(StoredApiKey key) {
        return new ApiKeyJson(key.id(), key.name(), key.scopes().stream().sorted().map(Scope::code).toList(),
                key.createdAt().toString(), key.revoked(), key.revokedAt().map(Instant::toString).orElse(null), null);
    }

    static ApiKeyJson created(NewKey created) {
        ApiKeyJson shown = of(created.stored());
        return new ApiKeyJson(shown.id, shown.name, shown.scopes, shown.createdAt, false, null, created.secret());
    }

    @Override
    public String toString() {
        return "ApiKeyJson[id=" + id + ", scopes=" + scopes + ", revoked=" + revoked + "]";
    }
}
