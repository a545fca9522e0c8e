package io.valora.invoice.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do: {@code ingest} usage events (gateway), {@code read} invoices and the
 * catalog, {@code admin} change them and manage keys.
 *
 * <p>Why it exists: a key handed to a usage producer should not be able to read invoices or
 * mint new keys; scopes are checked once per endpoint through {@link Caller#require(Scope)}.
 */
public enum Scope {
    INGEST, READ, ADMIN;

    /** The value stored in the database, published on the api-keys topic and shown in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope with this code, if there is one. */
    public static Optional<Scope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
