package io.valora.invoice.support;

import io.valora.schemas.RatedCharge;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Builds {@link RatedCharge} records for tests: a monthly UTC period and sensible defaults. */
public final class Charges {

    private Charges() {
    }

    /** A charge of the monthly period starting at {@code periodStart}, subscription = customer, USD. */
    public static RatedCharge.Builder charge(String tenant, String customer, String meter, String periodStart) {
        Instant start = Instant.parse(periodStart);
        Instant end = OffsetDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(1).toInstant();
        return RatedCharge.newBuilder()
                .setTenant(tenant)
                .setSubscription(customer)
                .setCustomer(customer)
                .setMeter(meter)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setQuantity("0")
                .setUnitPrice("0.01")
                .setAmountMinor(0)
                .setCurrency("USD")
                .setEventCount(1)
                .setSequence(1)
                .setFinal$(false);
    }
}
