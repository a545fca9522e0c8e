package io.valora.rating.query;

/**
 * Another instance named by the Kafka Streams metadata did not answer in time (it may be
 * restarting, and the metadata will move its tasks); the query is then answered like a rebalance.
 */
public final class PeerUnreachableException extends RuntimeException {

    public PeerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
