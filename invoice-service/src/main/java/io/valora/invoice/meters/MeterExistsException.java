package io.valora.invoice.meters;

/** The tenant already has a meter with this key; the API answers 409. */
public final class MeterExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param key the taken key */
    public MeterExistsException(String key) {
        super("A meter with key '" + key + "' exists already; meters are immutable, create one with another key.",
                null, false, false);
    }
}
