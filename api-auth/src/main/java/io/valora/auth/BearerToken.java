package io.valora.auth;

import java.util.Optional;

/**
 * The credential of an {@code Authorization: Bearer <token>} header. It exists so that every
 * service reads the header the same way: scheme case-insensitive, surrounding blanks dropped, a
 * missing or empty token the same as no header.
 */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token of an {@code Authorization} header value, or empty if it is missing, not Bearer, or blank. */
    public static Optional<String> of(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(SCHEME.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
