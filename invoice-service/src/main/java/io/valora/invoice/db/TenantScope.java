package io.valora.invoice.db;

import java.util.Objects;

/**
 * The tenant a unit of work runs for, bound once where the request or the scheduler's scan starts
 * ({@link TenantSession#enter}) and handed to every store of that work.
 *
 * <p>Why it exists: a bare {@code String tenant} threaded through the close's layers is easy to
 * swap with another string (a customer or subscription id); a value type that only the tenant
 * session creates says "this transaction is in this tenant's session" in the signature.
 *
 * @param id the tenant's id, as stored in every tenant table's {@code tenant} column
 */
public record TenantScope(String id) {

    /** The id is required and not empty. */
    public TenantScope {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("tenant is required");
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
