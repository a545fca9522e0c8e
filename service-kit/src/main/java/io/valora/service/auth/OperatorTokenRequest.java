package io.valora.service.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A token presented on an operator path ({@code valora.auth.operator-path}). A request type of its
 * own, so no API-key provider ever sees the operator token and no operator provider an API key.
 */
public final class OperatorTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public OperatorTokenRequest(String token) {
        this.token = token;
    }

    /** The token as presented. */
    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "OperatorTokenRequest[***]";
    }
}
