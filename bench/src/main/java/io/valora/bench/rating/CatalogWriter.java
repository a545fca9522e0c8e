package io.valora.bench.rating;

import io.valora.bench.ClientProperties;
import io.valora.schemas.Customer;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanUsageCharge;
import io.valora.schemas.Subscription;
import io.valora.schemas.SubscriptionPhase;
import io.valora.schemas.Topics;
import io.valora.schemas.catalog.PriceModelSpecs;
import io.valora.schemas.codec.RecordCodec;
import io.valora.schemas.codec.SingleObjectCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the catalog the catalog-driven topology rates with — the meter, the plan and one
 * customer and subscription per benchmark customer — onto the compacted topics, with the keys
 * the catalog's writers use. The foundation topology ignores these topics and rates with its
 * configured unit price; the charge check tells the two apart by the charge's {@code plan}.
 */
final class CatalogWriter {

    private static final String TIME_ZONE = "UTC";
    private static final String CADENCE = "MONTHLY";

    private static final Map<Class<?>, RecordCodec<?>> CODECS = new ConcurrentHashMap<>();
    private static final AtomicReference<Exception> FAILURE = new AtomicReference<>();

    private CatalogWriter() {
    }

    /** Writes everything and waits until the broker has acknowledged it. */
    static void write(ClientProperties client, Topics topics, Workload workload, Instant now) {
        LocalDateTime anchor = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay();
        Instant periodStart = anchor.toInstant(ZoneOffset.UTC);
        try (KafkaProducer<String, byte[]> producer = Producers.gatewayLike(client)) {
            send(producer, topics.meters(), Workload.TENANT + "/" + Workload.METER, meter(now), Meter.class);
            send(producer, topics.plans(), Workload.TENANT + "/" + Workload.PLAN + "/" + Workload.PLAN_VERSION, plan(now),
                    Plan.class);
            for (int i = 0; i < workload.customers(); i++) {
                customer(producer, topics, Workload.customer(i), anchor, periodStart, now);
            }
            for (int i = 0; i < workload.latencyCustomers(); i++) {
                customer(producer, topics, Workload.latencyCustomer(i), anchor, periodStart, now);
            }
            producer.flush();
        }
        if (FAILURE.get() != null) {
            throw new IllegalStateException("writing the catalog failed", FAILURE.get());
        }
    }

    private static void customer(KafkaProducer<String, byte[]> producer, Topics topics, String customer,
            LocalDateTime anchor, Instant periodStart, Instant now) {
        Customer record = Customer.newBuilder()
                .setTenant(Workload.TENANT).setExternalId(customer).setTimeZone(TIME_ZONE)
                .setCurrency(Workload.CURRENCY).setCreatedAt(now).setUpdatedAt(now).build();
        send(producer, topics.customers(), Workload.TENANT + "/" + customer, record, Customer.class);
        String id = Workload.subscription(customer);
        Subscription subscription = Subscription.newBuilder()
                .setTenant(Workload.TENANT).setId(id).setCustomer(customer).setTimeZone(TIME_ZONE)
                .setCadence(CADENCE).setAnchor(anchor.toString()).setStartAt(periodStart)
                .setPhases(List.of(SubscriptionPhase.newBuilder().setPlan(Workload.PLAN)
                        .setPlanVersion(Workload.PLAN_VERSION).setFrom(periodStart).setUntil(null).build()))
                .setStatus("active").setUpdatedAt(now).build();
        send(producer, topics.subscriptions(), Workload.TENANT + "/" + id, subscription, Subscription.class);
    }

    private static Meter meter(Instant now) {
        return Meter.newBuilder()
                .setTenant(Workload.TENANT).setKey(Workload.METER).setEventType(Workload.EVENT_TYPE)
                .setAggregation("sum").setValueProperty(Workload.VALUE_PROPERTY)
                .setGroupBy(List.of()).setFilters(Map.of()).setCreatedAt(now).build();
    }

    private static Plan plan(Instant now) {
        return Plan.newBuilder()
                .setTenant(Workload.TENANT).setKey(Workload.PLAN).setVersion(Workload.PLAN_VERSION)
                .setCurrency(Workload.CURRENCY).setRounding(Workload.ROUNDING.name()).setCadence(CADENCE)
                .setFlatFees(List.of())
                .setUsageCharges(List.of(PlanUsageCharge.newBuilder().setMeter(Workload.METER)
                        .setModel(PriceModelSpecs.toSpec(Workload.priceModel())).build()))
                .setCreatedAt(now).build();
    }

    private static <T extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, String topic, String key,
            T record, Class<T> type) {
        @SuppressWarnings("unchecked")
        RecordCodec<T> codec = (RecordCodec<T>) CODECS.computeIfAbsent(type, t -> SingleObjectCodec.of(type));
        producer.send(new ProducerRecord<>(topic, key, codec.encode(record)), (metadata, error) -> {
            if (error != null) {
                FAILURE.compareAndSet(null, error);
            }
        });
    }
}
