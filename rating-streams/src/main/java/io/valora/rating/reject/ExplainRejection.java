package io.valora.rating.reject;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.model.CheckedEvent;
import io.valora.rating.model.RejectReason;
import io.valora.schemas.UsageEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Adds the refusal reason as a header before the event goes to the rejected topic, so operators can count,
 * filter and re-process rejected usage by reason without decoding it; the event itself is forwarded as it
 * arrived.
 */
public final class ExplainRejection implements FixedKeyProcessor<String, CheckedEvent, UsageEvent> {
    private final RatingMetrics metrics;
    private FixedKeyProcessorContext<String, UsageEvent> context;

    public ExplainRejection(RatingMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, UsageEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, CheckedEvent> record) {
        RejectReason reason = record.value().reason();
        String detail = record.value().detail();
        record.headers().add(ResourceNames.REJECT_CODE_HEADER, reason.code().getBytes(StandardCharsets.UTF_8));
        record.headers().add(ResourceNames.REJECT_REASON_HEADER,
                (reason.code() + (detail == null ? "" : ": " + detail)).getBytes(StandardCharsets.UTF_8));
        metrics.eventRejected(reason);
        context.forward(record.withValue(record.value().event()));
    }
}
