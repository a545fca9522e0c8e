package io.valora.deploy.probes;

/**
 * The gateway's ingest entry points, each a path, a content type and a way to wrap one event, so every hostile
 * event can be thrown at all of them alike.
 */
enum IngestEndpoint {
    CLOUDEVENT("/v1/events", "application/cloudevents+json"),
    CLOUDEVENTS_BATCH("/v1/events", "application/cloudevents-batch+json"),
    PLAIN_JSON("/v1/events", "application/json"),
    OPENMETER("/api/v1/events", "application/cloudevents+json"),
    LAGO("/api/v1/events", "application/json"),
    LAGO_BATCH("/api/v1/events/batch", "application/json"),
    STRIPE("/v1/billing/meter_events", "application/x-www-form-urlencoded");

    final String path;
    final String contentType;

    IngestEndpoint(String path, String contentType) {
        this.path = path;
        this.contentType = contentType;
    }

    boolean lago() {
        return this == LAGO || this == LAGO_BATCH;
    }

    /**
     * Wraps one event's JSON as this endpoint expects it; batches put a valid sibling first, so an all-or-nothing
     * refusal that still published the sibling would show on the topic.
     */
    String wrap(String event, String validSibling) {
        return switch (this) {
            case CLOUDEVENTS_BATCH -> "[" + validSibling + "," + event + "]";
            case LAGO -> "{\"event\":" + event + "}";
            case LAGO_BATCH -> "{\"events\":[" + validSibling + "," + event + "]}";
            default -> event;
        };
    }
}
