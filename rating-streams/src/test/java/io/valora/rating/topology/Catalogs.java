package io.valora.rating.topology;

import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanUsageCharge;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.PriceTierSpec;
import io.valora.schemas.Subscription;
import io.valora.schemas.SubscriptionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Catalog records as invoice-service publishes them, for tests that write the catalog topics directly. */
public final class Catalogs {

    /** Start of the default subscriptions, long before any test's usage. */
    public static final Instant EPOCH_2020 = Instant.parse("2020-01-01T00:00:00Z");

    private Catalogs() {
    }

    public static Meter meter(String tenant, String key, String eventType, String aggregation, String valueProperty,
            List<String> groupBy, Map<String, String> filters) {
        return Meter.newBuilder().setTenant(tenant).setKey(key).setEventType(eventType).setAggregation(aggregation)
                .setValueProperty(valueProperty).setGroupBy(new ArrayList<>(groupBy)).setFilters(Map.copyOf(filters))
                .setCreatedAt(EPOCH_2020).build();
    }

    /** A plan version in USD, HALF_UP, monthly, pricing each meter with its spec. */
    public static Plan plan(String tenant, String key, int version, Map<String, PriceModelSpec> prices) {
        List<PlanUsageCharge> charges = new ArrayList<>();
        prices.forEach((meter, spec) -> charges.add(PlanUsageCharge.newBuilder().setMeter(meter).setModel(spec).build()));
        return Plan.newBuilder().setTenant(tenant).setKey(key).setVersion(version).setCurrency("USD").setRounding("HALF_UP")
                .setCadence("MONTHLY").setUsageCharges(charges).setCreatedAt(EPOCH_2020).build();
    }

    public static PriceModelSpec perUnit(String unitPrice) {
        return PriceModelSpec.newBuilder().setKind("per_unit").setUnitPrice(unitPrice).build();
    }

    public static PriceModelSpec packaged(String size, String price) {
        return PriceModelSpec.newBuilder().setKind("package").setPackageSize(size).setPackagePrice(price).build();
    }

    public static PriceModelSpec flat(String amount) {
        return PriceModelSpec.newBuilder().setKind("flat").setFlatAmount(amount).build();
    }

    /** Graduated or volume tiers: {@code upTo, unitPrice} pairs, the last upTo {@code null}. */
    public static PriceModelSpec tiered(String kind, String... upToAndPrice) {
        List<PriceTierSpec> tiers = new ArrayList<>();
        for (int i = 0; i < upToAndPrice.length; i += 2) {
            tiers.add(PriceTierSpec.newBuilder().setUpTo(upToAndPrice[i]).setUnitPrice(upToAndPrice[i + 1]).setFlatFee("0").build());
        }
        return PriceModelSpec.newBuilder().setKind(kind).setTiers(tiers).build();
    }

    public static SubscriptionPhase phase(String plan, int version, Instant from, Instant until) {
        return SubscriptionPhase.newBuilder().setPlan(plan).setPlanVersion(version).setFrom(from).setUntil(until).build();
    }

    /** A monthly subscription in {@code zone} with calendar anchor and the given phases. */
    public static Subscription subscription(String tenant, String id, String customer, String zone, Instant startAt,
            Instant endAt, List<SubscriptionPhase> phases) {
        return Subscription.newBuilder().setTenant(tenant).setId(id).setCustomer(customer).setTimeZone(zone)
                .setCadence("MONTHLY").setAnchor("2020-01-01T00:00").setStartAt(startAt).setEndAt(endAt)
                .setPhases(new ArrayList<>(phases)).setStatus("active").setUpdatedAt(startAt).build();
    }

    /** A UTC monthly subscription on one plan version since 2020. */
    public static Subscription subscription(String tenant, String id, String customer, String plan, int version) {
        return subscription(tenant, id, customer, "UTC", EPOCH_2020, null, List.of(phase(plan, version, EPOCH_2020, null)));
    }
}
