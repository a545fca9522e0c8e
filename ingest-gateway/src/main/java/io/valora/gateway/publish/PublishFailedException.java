package io.valora.gateway.publish;

/**
 * The broker did not acknowledge an event in time. The client was told nothing was accepted and
 * may retry: de-duplication downstream makes a retry of an event that did land harmless.
 */
public final class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
