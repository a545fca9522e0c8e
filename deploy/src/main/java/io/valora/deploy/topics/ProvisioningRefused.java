package io.valora.deploy.topics;

/** The cluster cannot be given what was asked, or the caller may not ask it; the message says what to do. */
public final class ProvisioningRefused extends RuntimeException {

    public ProvisioningRefused(String message) {
        super(message);
    }

    public ProvisioningRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
