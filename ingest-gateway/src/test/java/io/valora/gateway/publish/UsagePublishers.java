package io.valora.gateway.publish;

import java.time.Duration;
import java.util.Optional;

/** Builds a {@link UsagePublisher} outside CDI, for tests that need one against a given broker. */
public final class UsagePublishers {

    private UsagePublishers() {
    }

    public static UsagePublisher create(String bootstrapServers, Duration timeout) {
        return new UsagePublisher(bootstrapServers, Optional.empty(), timeout);
    }

    public static void close(UsagePublisher publisher) {
        publisher.close(null);
    }
}
