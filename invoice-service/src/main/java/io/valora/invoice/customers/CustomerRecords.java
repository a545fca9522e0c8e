package io.valora.invoice.customers;

import io.valora.invoice.outbox.OutboxMessage;
import io.valora.schemas.Customer;
import io.valora.schemas.codec.RecordSerde;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Avro {@link Customer} of a stored customer, as an outbox message for the compacted
 * customers topic (key {@code tenant/externalId}).
 *
 * <p>Why it exists: rating-streams resolves customers (time zone, currency) from this topic
 * without calling this service.
 */
public final class CustomerRecords {

    private static final Serializer<Customer> SERIALIZER = RecordSerde.singleObject(Customer.class).serializer();

    private CustomerRecords() {
    }

    /** The outbox message publishing {@code customer}'s current state on {@code topic}. */
    public static OutboxMessage message(String topic, StoredCustomer customer) {
        Customer record = Customer.newBuilder()
                .setTenant(customer.tenant())
                .setExternalId(customer.externalId())
                .setName(customer.name().orElse(null))
                .setTimeZone(customer.timeZone())
                .setCurrency(customer.currency())
                .setCreatedAt(customer.createdAt().truncatedTo(ChronoUnit.MILLIS))
                .setUpdatedAt(customer.updatedAt().truncatedTo(ChronoUnit.MILLIS))
                .build();
        return new OutboxMessage(customer.tenant(), topic, customer.tenant() + "/" + customer.externalId(),
                SERIALIZER.serialize(topic, record));
    }
}
