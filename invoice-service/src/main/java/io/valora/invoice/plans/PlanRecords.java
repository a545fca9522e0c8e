package io.valora.invoice.plans;

import io.valora.invoice.outbox.OutboxMessage;
import io.valora.schemas.Plan;
import io.valora.schemas.codec.RecordSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A plan version as bytes: the Avro {@link Plan} in single-object encoding, stored in the
 * {@code plans} table and published on the compacted plans topic (key {@code tenant/planKey/version}).
 *
 * <p>Why it exists: the database and the topic hold the very same record, so what rating reads
 * is byte for byte what the invoice close reads.
 */
public final class PlanRecords {

    private static final Serializer<Plan> SERIALIZER = RecordSerde.singleObject(Plan.class).serializer();
    private static final Deserializer<Plan> DESERIALIZER = RecordSerde.singleObject(Plan.class).deserializer();

    private PlanRecords() {
    }

    /** The encoded record. */
    public static byte[] encode(Plan plan) {
        return SERIALIZER.serialize("plans", plan);
    }

    /** The record in {@code bytes}. */
    public static Plan decode(byte[] bytes) {
        return DESERIALIZER.deserialize("plans", bytes);
    }

    /** The Kafka key of a version: {@code tenant/planKey/version}. */
    public static String key(Plan plan) {
        return plan.getTenant() + "/" + plan.getKey() + "/" + plan.getVersion();
    }

    /** The outbox message publishing {@code plan} on {@code topic}. */
    public static OutboxMessage message(String topic, Plan plan) {
        return new OutboxMessage(plan.getTenant().toString(), topic, key(plan), encode(plan));
    }
}
