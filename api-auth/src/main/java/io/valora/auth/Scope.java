package io.valora.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do: {@code ingest} usage events, {@code read} invoices, the catalog and live
 * usage, {@code admin} change them and manage keys. The codes are stored in the database, published
 * on the {@code api-keys} topic and shown in JSON, so they live here once for every service.
 */
public enum Scope {
    INGEST(Roles.INGEST), READ(Roles.READ), ADMIN(Roles.ADMIN);

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /** The stored and published form, which is also the role it grants. */
    public String code() {
        return code;
    }

    /** The scope with this code, if there is one. */
    public static Optional<Scope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
