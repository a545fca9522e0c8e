package io.valora.gateway.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.valora.gateway.events.ValidationLimits;
import java.time.Duration;

/**
 * Every ingest knob in one place ({@code valora.ingest.*}); defaults are repeated in
 * {@code application.properties} and the module README so operators see them.
 */
@ConfigMapping(prefix = "valora.ingest")
public interface IngestConfig {

    /** Longest a request waits for the broker to acknowledge its events before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /**
     * Oldest accepted event time, relative to now. Strictly inside rating's de-duplication
     * retention (35 days) by a day, so an event acknowledged with 202 is never refused as too old:
     * rating measures age against its stream time, which can run ahead of this clock by the
     * producers' clock skew plus however far rating lags behind the gateway.
     */
    @WithDefault("P34D")
    Duration maxEventAge();

    /** Furthest accepted event time in the future. */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** Most events in one request; more → 413. */
    @WithDefault("10000")
    int maxBatchEvents();

    /** Largest request body; larger → 413. */
    @WithDefault("5M")
    MemorySize maxRequestSize();

    /** Deepest nesting inside an event's {@code data}. */
    @WithDefault("8")
    int maxDataDepth();

    /** Largest {@code data} object of one event, as compact JSON. */
    @WithDefault("64K")
    MemorySize maxDataSize();

    /** Request bytes being parsed or published at once; beyond → 503 with Retry-After (backpressure). */
    @WithDefault("64M")
    MemorySize maxInFlight();

    /**
     * Bodies up to this size are parsed and validated on the HTTP event loop (a single event takes
     * microseconds; a hop to a worker would cost more); larger ones on a worker thread, so a big
     * batch never stalls the connections sharing that event loop.
     */
    @WithDefault("16K")
    MemorySize eventLoopMaxBody();

    /**
     * Whether CloudEvents bodies first go through the one-pass streaming reader (no tree; the tree
     * path still decides every refusal). Off only to compare the two paths' cost.
     */
    @WithDefault("true")
    boolean streamingReader();

    /** The per-event limits as the validator wants them. */
    default ValidationLimits validationLimits() {
        return new ValidationLimits(maxEventAge(), maxClockSkew(), maxDataDepth(), (int) maxDataSize().asLongValue());
    }
}
