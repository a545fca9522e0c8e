package io.valora.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.valora.gateway.api.IngestProblems;
import io.valora.service.problem.ProblemException;
import io.valora.gateway.publish.UsagePublisher;
import io.valora.gateway.publish.UsagePublishers;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With no broker reachable, a request ends in a 503 with Retry-After within the publish timeout,
 * never a hung request — also for a batch, where each record must not wait out the timeout anew.
 */
class BrokerDownTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
    private final UsagePublisher publisher = UsagePublishers.create("127.0.0.1:9", TIMEOUT);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventIngestor ingestor = new EventIngestor(new ObjectMapper(), publisher, Clock.systemUTC(),
            new Config(TIMEOUT), registry);

    @AfterEach
    void close() {
        UsagePublishers.close(publisher);
    }

    @Test
    void answers503WithRetryAfterWithinTheTimeoutWhenTheBrokerIsDown() {
        String time = Instant.now().toString();
        String batch = IntStream.range(0, 200).mapToObj(i -> """
                {"specversion":"1.0","id":"down-%d","source":"s","type":"t","subject":"c%d","time":"%s","data":{}}"""
                .formatted(i, i, time)).collect(Collectors.joining(",", "[", "]"));

        long start = System.nanoTime();
        IngestRefusedException refusal = catchThrowableOfType(IngestRefusedException.class,
                () -> ingestor.ingestCloudEvents("demo", batch.getBytes(StandardCharsets.UTF_8), "application/json"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The ingest path says why; the API layer's mapping is what a producer sees.
        ProblemException refused = IngestProblems.of(refusal);

        assertThat(refusal.reason()).isEqualTo(IngestRefusedException.Reason.BROKER_UNAVAILABLE);
        assertThat(refused.problem().status()).isEqualTo(503);
        assertThat(refused.problem().type()).isEqualTo("https://valora.dev/problems/broker-unavailable");
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(took).as("bounded by the publish timeout, not 200 x the timeout").isLessThan(TIMEOUT.multipliedBy(3));
        assertThat(registry.get("valora.ingest.events.rejected").tag("reason", "unavailable").counter().count()).isEqualTo(200);
    }

    /** The knobs at their defaults, but for a short publish timeout. */
    record Config(Duration publishTimeout) implements IngestConfig {
        public Duration maxEventAge() {
            return Duration.ofDays(35);
        }

        public Duration maxClockSkew() {
            return Duration.ofMinutes(5);
        }

        public int maxBatchEvents() {
            return 10_000;
        }

        public MemorySize maxRequestSize() {
            return new MemorySize(BigInteger.valueOf(5L << 20));
        }

        public int maxDataDepth() {
            return 8;
        }

        public MemorySize maxDataSize() {
            return new MemorySize(BigInteger.valueOf(64L << 10));
        }

        public MemorySize maxInFlight() {
            return new MemorySize(BigInteger.valueOf(64L << 20));
        }

        public MemorySize eventLoopMaxBody() {
            return new MemorySize(BigInteger.valueOf(16L << 10));
        }

        public boolean streamingReader() {
            return true;
        }
    }
}
