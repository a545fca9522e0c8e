package io.valora.gateway.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** CloudEvents JSON snippets for the HTTP tests. */
final class Events {

    static final String KEY = "Bearer valora-dev-key";

    private Events() {
    }

    /** A valid event one minute old. */
    static String event(String id, String subject) {
        return event(id, subject, "{\"value\":1}");
    }

    static String event(String id, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"api_call","subject":"%s","time":"%s","data":%s}"""
                .formatted(id, subject, Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS), data);
    }
}
