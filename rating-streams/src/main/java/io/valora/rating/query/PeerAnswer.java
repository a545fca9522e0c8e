package io.valora.rating.query;

/**
 * What another instance answered to a forwarded live query: its status and body as sent, so the
 * caller sees exactly the owner's answer (a problem stays a problem).
 */
public record PeerAnswer(int status, String contentType, String body) {

    /** Whether the peer answered the query with data. */
    public boolean ok() {
        return status == 200;
    }
}
