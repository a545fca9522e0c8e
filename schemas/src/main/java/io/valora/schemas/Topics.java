package io.valora.schemas;

import java.util.List;

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
