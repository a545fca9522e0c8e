package io.valora.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void carriesThePrefixedNameAndSerdesThatRoundTripItsRecords() {
        Topic<String, UsageEvent> topic = new Topics("staging.").usageEventsTopic();
        UsageEvent event = UsageEvent.newBuilder().setId("e-1").setTenant("t").setSubject("c").setType("api_call")
                .setSource("test").setTime(Instant.parse("2026-01-01T00:00:00Z")).setData("{}")
                .setReceivedAt(Instant.parse("2026-01-01T00:00:01Z")).build();

        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);

        assertThat(topic.name()).isEqualTo("staging.usage-events");
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(event);
        assertThat(topic.keySerde().deserializer().deserialize(topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), "t/c"))).isEqualTo("t/c");
    }

    @Test
    void rawViewKeepsTheNameAndPassesBytesThrough() {
        Topic<byte[], byte[]> raw = Topics.unprefixed().apiKeysTopic().raw();

        assertThat(raw.name()).isEqualTo("api-keys");
        assertThat(raw.valueSerde().deserializer().deserialize("api-keys", new byte[] {1, 2})).containsExactly(1, 2);
    }
}
