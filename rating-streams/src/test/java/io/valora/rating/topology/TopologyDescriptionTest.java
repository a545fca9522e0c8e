package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Pins every name the rating topology gives Kafka: processors, state stores (and so their changelog topics),
 * the repartition topic and the source and sink topics, as {@code Topology.describe()} prints them. A renamed
 * processor or store orphans state on upgrade, so a change to any of them must be deliberate: this test fails
 * until the checked-in description is replaced, and the change listed under "Upgrading" in the README.
 */
class TopologyDescriptionTest {

    private static final String EXPECTED = "/topology-description.txt";

    @Test
    void keepsEveryProcessorStoreAndTopicName() throws IOException {
        String actual = RatingTopology.build(Topics.unprefixed(), RatingSettings.defaults(), RatingMetrics.NONE,
                new Properties()).describe().toString();
        // written out so a deliberate change can be reviewed with diff and copied over the expected description
        Path written = Path.of("target", "topology-description.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);

        String expected;
        try (InputStream in = TopologyDescriptionTest.class.getResourceAsStream(EXPECTED)) {
            assertThat(in).as("src/test/resources%s", EXPECTED).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as("the topology's names changed: if on purpose, list the change under Upgrading in the README "
                        + "and copy %s over src/test/resources%s", written.toAbsolutePath(), EXPECTED)
                .isEqualTo(expected);
    }
}
