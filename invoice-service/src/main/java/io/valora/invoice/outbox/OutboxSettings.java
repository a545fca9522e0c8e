package io.valora.invoice.outbox;

import io.valora.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where and how the outbox relay publishes: topic names (behind the common prefix), batch size,
 * how long sent rows are kept, and the topics it creates when they are missing.
 *
 * <p>Why it exists: the relay's guarantees depend on these few values; one place names them.
 */
@ApplicationScoped
public class OutboxSettings {

    private final Topics topics;
    private final int batchSize;
    private final Duration retention;
    private final int partitions;

    OutboxSettings(@ConfigProperty(name = "valora.topics.prefix") Optional<String> prefix,
                   @ConfigProperty(name = "valora.outbox.batch-size", defaultValue = "500") int batchSize,
                   @ConfigProperty(name = "valora.outbox.retention", defaultValue = "P7D") Duration retention,
                   @ConfigProperty(name = "valora.outbox.topic-partitions", defaultValue = "3") int partitions) {
        this.topics = new Topics(prefix.orElse(""));
        this.batchSize = batchSize;
        this.retention = retention;
        this.partitions = partitions;
    }

    /** The compacted topic of API keys. */
    public String apiKeysTopic() {
        return topics.apiKeys();
    }

    /** The topic of invoice life-cycle events. */
    public String invoiceEventsTopic() {
        return topics.invoiceEvents();
    }

    /** The compacted catalog topic of customers. */
    public String customersTopic() {
        return topics.customers();
    }

    /** The compacted catalog topic of meters. */
    public String metersTopic() {
        return topics.meters();
    }

    /** The compacted catalog topic of plan versions. */
    public String plansTopic() {
        return topics.plans();
    }

    /** The compacted catalog topic of subscriptions. */
    public String subscriptionsTopic() {
        return topics.subscriptions();
    }

    /** Topics the relay creates when missing: {@code true} = compacted. */
    public List<TopicSpec> ownTopics() {
        return List.of(new TopicSpec(apiKeysTopic(), true, partitions), new TopicSpec(customersTopic(), true, partitions),
                new TopicSpec(metersTopic(), true, partitions), new TopicSpec(plansTopic(), true, partitions),
                new TopicSpec(subscriptionsTopic(), true, partitions),
                new TopicSpec(invoiceEventsTopic(), false, partitions));
    }

    /** Most rows published per relay transaction. */
    public int batchSize() {
        return batchSize;
    }

    /** How long sent rows stay in the table (for audit and replays) before the relay deletes them. */
    public Duration retention() {
        return retention;
    }

    /**
     * A topic the relay publishes to.
     *
     * @param name       full name
     * @param compacted  whether the latest record per key is the state
     * @param partitions partitions when created
     */
    public record TopicSpec(String name, boolean compacted, int partitions) {
    }
}
