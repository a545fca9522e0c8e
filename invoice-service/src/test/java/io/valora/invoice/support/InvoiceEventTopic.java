package io.valora.invoice.support;

import io.valora.schemas.InvoiceEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;

/** The {@code invoice-events} topic as a payment integration reads it. */
public final class InvoiceEventTopic {

    public static final String TOPIC = "invoice-events";

    private InvoiceEventTopic() {
    }

    /** Waits until the invoice's events (key {@code tenant/invoiceId}) are exactly {@code count}, and returns them in order. */
    public static List<InvoiceEvent> awaitEvents(String bootstrapServers, String tenant, String invoiceId, int count) {
        var deserializer = RecordSerde.singleObject(InvoiceEvent.class).deserializer();
        return Awaitility.await("events of invoice " + invoiceId).atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, TOPIC).getOrDefault(tenant + "/" + invoiceId, List.of())
                        .stream().map(Optional::orElseThrow).map(b -> deserializer.deserialize(TOPIC, b)).toList(),
                        events -> events.size() >= count);
    }
}
