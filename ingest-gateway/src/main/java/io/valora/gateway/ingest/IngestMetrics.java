package io.valora.gateway.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's Prometheus metrics, named once: events accepted, events rejected by reason, and
 * publish latency (time from send to the last acknowledgement of a request).
 */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    // Looked up once: registering on every request costs a registry lookup by name and tags per
    // request, on the hot path of single-event POSTs.
    private final Timer publishedAcked;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("valora.ingest.events.accepted")
                .description("Events acknowledged by the broker and answered 202").register(registry);
        this.publishedAcked = publishLatency(registry, "acked");
    }

    void accepted(int count) {
        accepted.increment(count);
    }

    /** Reasons: invalid, card-data, too-large, busy, unavailable. */
    void rejected(String reason, int count) {
        Counter.builder("valora.ingest.events.rejected").tag("reason", reason)
                .description("Events refused, by reason").register(registry).increment(count);
    }

    Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    void published(Timer.Sample sample, String outcome) {
        sample.stop("acked".equals(outcome) ? publishedAcked : publishLatency(registry, outcome));
    }

    private static Timer publishLatency(MeterRegistry registry, String outcome) {
        return Timer.builder("valora.ingest.publish.latency").tag("outcome", outcome)
                .description("Time from sending a request's records to the broker's last acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }
}
