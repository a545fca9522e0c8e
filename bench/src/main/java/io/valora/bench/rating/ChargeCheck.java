package io.valora.bench.rating;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordSerde;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Proof that the measured run rated what it was given: the last committed charge per key, summed
 * per customer, must count exactly the events pre-produced for that customer, and — when the
 * topology names the plan it priced with (the catalog-driven one) — amount to what billing-core
 * gives for that quantity with the benchmark's plan. A throughput figure of a topology that
 * dropped or doubled events would be worthless.
 */
final class ChargeCheck {

    private ChargeCheck() {
    }

    /**
     * @return how many customers' charges were checked against the plan's amount (0 for the
     *         foundation topology, which prices with its configured unit price)
     * @throws IllegalStateException if a count or an amount is wrong
     */
    static int verify(String bootstrapServers, String topic, Workload workload, long events, Map<TopicPartition, Long> end) {
        Map<String, RatedCharge> latestByKey = readLatest(bootstrapServers, topic, end);
        Map<String, Long> countByCustomer = new HashMap<>();
        Map<String, BigDecimal> quantityByCustomer = new HashMap<>();
        Map<String, Long> amountByCustomer = new HashMap<>();
        boolean priced = true;
        for (RatedCharge charge : latestByKey.values()) {
            countByCustomer.merge(charge.getCustomer(), charge.getEventCount(), Long::sum);
            quantityByCustomer.merge(charge.getCustomer(), new BigDecimal(charge.getQuantity()), BigDecimal::add);
            amountByCustomer.merge(charge.getCustomer(), charge.getAmountMinor(), Long::sum);
            priced &= Workload.PLAN.equals(charge.getPlan());
        }
        int checkedAmounts = 0;
        for (int i = 0; i < workload.customers(); i++) {
            String customer = Workload.customer(i);
            long expected = workload.eventsOf(i, events);
            long counted = countByCustomer.getOrDefault(customer, 0L);
            BigDecimal quantity = quantityByCustomer.getOrDefault(customer, BigDecimal.ZERO);
            if (counted != expected || quantity.compareTo(BigDecimal.valueOf(expected)) != 0) {
                throw new IllegalStateException(customer + ": rated-charges count " + counted + " events, quantity "
                        + quantity + "; " + expected + " were produced (" + latestByKey.size() + " charge keys read, e.g. "
                        + latestByKey.values().stream().findFirst().map(Object::toString).orElse("none") + ")");
            }
            if (priced) {
                long amount = amountByCustomer.get(customer);
                long expectedAmount = Workload.expectedAmountMinor(quantity);
                if (amount != expectedAmount) {
                    throw new IllegalStateException(customer + ": charged " + amount + " minor units for " + quantity
                            + ", the plan gives " + expectedAmount);
                }
                checkedAmounts++;
            }
        }
        return checkedAmounts;
    }

    private static Map<String, RatedCharge> readLatest(String bootstrapServers, String topic, Map<TopicPartition, Long> end) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, RatedCharge> latest = new HashMap<>();
        try (KafkaConsumer<String, RatedCharge> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                RecordSerde.singleObject(RatedCharge.class).deserializer())) {
            List<TopicPartition> partitions = List.copyOf(end.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, RatedCharge> record : consumer.poll(Duration.ofMillis(500))) {
                    RatedCharge charge = record.value();
                    if (charge == null || !Workload.TENANT.equals(charge.getTenant())) {
                        continue;
                    }
                    latest.merge(record.key(), charge, (a, b) -> b.getSequence() >= a.getSequence() ? b : a);
                }
            }
        }
        return latest;
    }
}
