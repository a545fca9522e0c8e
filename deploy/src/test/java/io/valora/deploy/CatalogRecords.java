package io.valora.deploy;

import io.valora.deploy.demo.DemoPlan;
import io.valora.schemas.Customer;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import io.valora.schemas.PlanUsageCharge;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.PriceTierSpec;
import io.valora.schemas.Subscription;
import io.valora.schemas.SubscriptionPhase;
import io.valora.schemas.Topics;
import io.valora.schemas.codec.RecordSerde;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the demo catalog ({@link DemoPlan}'s meters and plan, UTC customers, one monthly calendar subscription
 * each) straight onto the compacted catalog topics, as invoice-service's outbox would. For tests of rating-streams
 * alone: written before rating-streams starts, its global tables hold the whole catalog before the first event.
 */
final class CatalogRecords {

    static final String TENANT = "demo";

    private CatalogRecords() {
    }

    /** The subscription id of a customer in this catalog. */
    static String subscriptionOf(String customer) {
        return "sub_" + customer;
    }

    static void write(String bootstrapServers, Topics topics, List<String> customers, Instant periodStart) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            Instant now = Instant.now();
            for (String meter : DemoPlan.METERS) {
                send(producer, topics.meters(), TENANT + "/" + meter, Meter.newBuilder().setTenant(TENANT).setKey(meter)
                        .setName(meter).setEventType(meter).setAggregation("sum").setValueProperty("value")
                        .setGroupBy(List.of()).setFilters(Map.of()).setCreatedAt(now).build());
            }
            send(producer, topics.plans(), TENANT + "/" + DemoPlan.KEY + "/1", plan(now));
            for (String customer : customers) {
                send(producer, topics.customers(), TENANT + "/" + customer, Customer.newBuilder().setTenant(TENANT)
                        .setExternalId(customer).setName(customer).setTimeZone("UTC").setCurrency(DemoPlan.CURRENCY)
                        .setCreatedAt(now).setUpdatedAt(now).build());
                String id = subscriptionOf(customer);
                send(producer, topics.subscriptions(), TENANT + "/" + id, Subscription.newBuilder().setTenant(TENANT)
                        .setId(id).setExternalId(null).setCustomer(customer).setTimeZone("UTC").setCadence("MONTHLY")
                        .setAnchor(LocalDateTime.ofInstant(periodStart, ZoneOffset.UTC).toString())
                        .setStartAt(periodStart).setEndAt(null).setTrialEndAt(null)
                        .setPhases(List.of(SubscriptionPhase.newBuilder().setPlan(DemoPlan.KEY).setPlanVersion(1)
                                .setFrom(periodStart).setUntil(null).build()))
                        .setStatus("active").setUpdatedAt(now).build());
            }
            producer.flush();
        }
    }

    private static Plan plan(Instant now) {
        PriceModelSpec perUnit = PriceModelSpec.newBuilder().setKind("per_unit").setUnitPrice(DemoPlan.UNIT_PRICE.toPlainString()).build();
        PriceModelSpec tokens = PriceModelSpec.newBuilder().setKind("graduated").setTiers(List.of(
                PriceTierSpec.newBuilder().setUpTo(DemoPlan.TOKENS_FIRST_TIER.toPlainString())
                        .setUnitPrice(DemoPlan.TOKENS_FIRST_PRICE.toPlainString()).setFlatFee("0").build(),
                PriceTierSpec.newBuilder().setUpTo(null).setUnitPrice(DemoPlan.TOKENS_ABOVE_PRICE.toPlainString()).setFlatFee("0").build())).build();
        return Plan.newBuilder().setTenant(TENANT).setKey(DemoPlan.KEY).setVersion(1).setName("Demo")
                .setCurrency(DemoPlan.CURRENCY).setRounding("HALF_UP").setCadence("MONTHLY")
                .setFlatFees(List.of(PlanFlatFee.newBuilder().setCode("platform").setDescription("Platform fee")
                        .setAmount(DemoPlan.PLATFORM_FEE.toPlainString()).build()))
                .setUsageCharges(List.of(
                        PlanUsageCharge.newBuilder().setMeter("api_call").setModel(perUnit).build(),
                        PlanUsageCharge.newBuilder().setMeter("storage_gb_hour").setModel(perUnit).build(),
                        PlanUsageCharge.newBuilder().setMeter("tokens").setModel(tokens).build()))
                .setMinimumSpend(null).setCreatedAt(now).build();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, String topic, String key,
            T record) {
        RecordSerde<T> serde = RecordSerde.singleObject((Class<T>) record.getClass());
        try {
            producer.send(new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, record))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write " + key + " to " + topic, e);
        }
    }
}
