package io.valora.invoice.keys;

/**
 * A key just created: what is stored, plus the key text to show once.
 *
 * @param stored the stored key
 * @param secret the key text; never stored, never logged
 */
public record NewKey(StoredApiKey stored, String secret) {

    @Override
    public String toString() {
        return "NewKey[" + stored + ", secret=***]";
    }
}
