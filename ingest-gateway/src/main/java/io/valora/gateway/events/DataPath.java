package io.valora.gateway.events;

/**
 * Where a value sits inside an event's {@code data} ({@code data.usage.items[2]}), for error
 * messages. Exists so that validating a valid event builds no text at all: the path is a chain of
 * small links, spelled out only when a problem is reported.
 */
record DataPath(DataPath parent, String key, int index) {

    /** The {@code data} object itself. */
    static final DataPath ROOT = new DataPath(null, null, -1);

    private static final int MAX_KEY_LENGTH = 40;

    DataPath field(String name) {
        return new DataPath(this, name, -1);
    }

    DataPath element(int position) {
        return new DataPath(this, null, position);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "data";
        }
        // Echoing key names is safe: the ingestor refuses card data before validating.
        return key != null ? parent + "." + abbreviate(key) : parent + "[" + index + "]";
    }

    private static String abbreviate(String key) {
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH) + "...";
    }
}
