package io.valora.service.auth;

/**
 * The keys of the {@code api-keys} topic cannot be trusted right now (the reader stopped and may
 * have missed revocations), so no key from it is accepted: answered 503 with {@code Retry-After},
 * not 401, because the caller's key may well be valid.
 */
public final class ApiKeysUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApiKeysUnavailableException(String cause) {
        super("API keys are unavailable: the api-keys reader stopped (" + cause + ")", null, false, false);
    }
}
