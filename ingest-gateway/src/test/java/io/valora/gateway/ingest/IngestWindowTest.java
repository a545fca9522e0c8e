package io.valora.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The gateway's event-age window lies strictly inside rating's de-duplication window, with a
 * margin for clock skew and rating lag: an event the gateway acknowledges must never come back as
 * {@code too-old}. Reads both services' shipped configuration, so changing either one alone fails here.
 */
class IngestWindowTest {

    /** Rating lag the margin must ride out besides the clock skew (documented in application.properties). */
    private static final Duration LAG_MARGIN = Duration.ofHours(23);

    @Test
    void theGatewayAcceptsNoEventRatingWouldRefuseAsTooOld() throws IOException {
        Properties gateway = load(Path.of("src/main/resources/application.properties"));
        Properties rating = load(Path.of("../rating-streams/src/main/resources/application.properties"));
        Duration maxAge = Duration.parse(gateway.getProperty("valora.ingest.max-event-age"));
        Duration skew = Duration.parse(gateway.getProperty("valora.ingest.max-clock-skew"));
        Duration retention = Duration.parse(rating.getProperty("valora.rating.dedup-retention"));

        assertThat(maxAge.plus(skew).plus(LAG_MARGIN)).as("max-event-age + skew + lag margin within rating's retention")
                .isLessThanOrEqualTo(retention);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
