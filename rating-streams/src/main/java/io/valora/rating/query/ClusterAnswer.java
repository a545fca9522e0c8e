package io.valora.rating.query;

/**
 * The outcome of a live query across instances, for the HTTP layer to render: data (answered here,
 * or gathered from several instances), another instance's answer relayed as is, or "not now"
 * while the stores or their metadata are moving.
 */
public sealed interface ClusterAnswer {

    /** The answer's rows ({@link ChargeView}s or {@link UsageBucket}s), in a deterministic order. */
    record Data(java.util.List<?> rows) implements ClusterAnswer {
    }

    /** The owner's answer, to be passed on unchanged. */
    record Relayed(PeerAnswer answer) implements ClusterAnswer {
    }

    /** Starting, rebalancing or a peer unreachable: the caller should retry shortly. */
    record Unavailable(String reason) implements ClusterAnswer {
    }
}
