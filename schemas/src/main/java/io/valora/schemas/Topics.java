package io.valora.schemas;

import io.valora.schemas.codec.RecordSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The names of Valora's Kafka topics, all behind one configurable prefix
 * ({@code valora.topics.prefix}, empty by default) so several installations can share a cluster.
 *
 * <p>One place for the names keeps the gateway, the topology, the invoice service, the launcher
 * and the tests from drifting apart.
 *
 * @param prefix prepended to every name, e.g. {@code "staging."}
 */
public record Topics(String prefix) {

    public Topics {
        prefix = prefix == null ? "" : prefix.trim();
    }

    /** Topics without a prefix. */
    public static Topics unprefixed() {
        return new Topics("");
    }

    /** Accepted usage events, Avro {@link UsageEvent}, key {@code tenant/customer}. */
    public String usageEvents() {
        return prefix + "usage-events";
    }

    /** Events the rating topology could not use, with the reason in a header. */
    public String usageEventsRejected() {
        return prefix + "usage-events.rejected";
    }

    /**
     * Avro {@link RatedCharge}, key {@link ChargeKey}:
     * {@code tenant/subscription/meter/<group or ->/plan@version/<periodStartMillis>[/adjustment-of/<lateStartMillis>]}.
     */
    public String ratedCharges() {
        return prefix + "rated-charges";
    }

    /** Avro {@link ApiKey}, key = key hash; compacted, so it always holds every key's latest state. */
    public String apiKeys() {
        return prefix + "api-keys";
    }

    /** Avro {@link Customer}, key {@code tenant/externalId}; compacted catalog topic. */
    public String customers() {
        return prefix + "customers";
    }

    /** Avro {@link Meter}, key {@code tenant/meterKey}; compacted catalog topic. */
    public String meters() {
        return prefix + "meters";
    }

    /** Avro {@link Plan}, key {@code tenant/planKey/version}; compacted catalog topic keeping every version. */
    public String plans() {
        return prefix + "plans";
    }

    /** Avro {@link Subscription}, key {@code tenant/subscriptionId}; compacted catalog topic. */
    public String subscriptions() {
        return prefix + "subscriptions";
    }

    /** Avro {@link InvoiceEvent}, key {@code tenant/invoiceId}: what payment integrations act on. */
    public String invoiceEvents() {
        return prefix + "invoice-events";
    }

    /**
     * Records a service could not process (undecodable, or a processing failure), as they were,
     * with headers naming the source topic, partition and offset, the exception class and message,
     * and the service. One topic for every service, so one consumer sees every dead letter.
     */
    public String deadLetters() {
        return prefix + "dead-letters";
    }

    /** {@link #usageEvents()} with its serdes: string key, single-object Avro {@link UsageEvent}. */
    public Topic<String, UsageEvent> usageEventsTopic() {
        return new Topic<>(usageEvents(), Serdes.String(), RecordSerde.singleObject(UsageEvent.class));
    }

    /**
     * {@link #usageEventsRejected()} as raw bytes: a rejected record is a {@link #usageEvents()}
     * record as it arrived (it may be unreadable, which can be why it was rejected), plus headers.
     */
    public Topic<byte[], byte[]> usageEventsRejectedTopic() {
        return new Topic<>(usageEventsRejected(), Serdes.ByteArray(), Serdes.ByteArray());
    }

    /** {@link #ratedCharges()} with its serdes: string key, single-object Avro {@link RatedCharge}. */
    public Topic<String, RatedCharge> ratedChargesTopic() {
        return new Topic<>(ratedCharges(), Serdes.String(), RecordSerde.singleObject(RatedCharge.class));
    }

    /** {@link #apiKeys()} with its serdes: string key (the key hash), single-object Avro {@link ApiKey}. */
    public Topic<String, ApiKey> apiKeysTopic() {
        return new Topic<>(apiKeys(), Serdes.String(), RecordSerde.singleObject(ApiKey.class));
    }

    /** Compacted topics: the latest record per key is the state. */
    public List<String> compacted() {
        return List.of(apiKeys(), customers(), meters(), plans(), subscriptions());
    }

    /** Every topic an installation must have before the services start. */
    public List<String> all() {
        return List.of(usageEvents(), usageEventsRejected(), ratedCharges(), apiKeys(), customers(), meters(), plans(),
                subscriptions(), invoiceEvents(), deadLetters());
    }
}
