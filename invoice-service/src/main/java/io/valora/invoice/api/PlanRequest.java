package io.valora.invoice.api;

import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import io.valora.schemas.PlanUsageCharge;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Body of {@code POST /v1/plans} and {@code PUT /v1/plans/{key}} (where {@code key} comes from the path).
 *
 * @param key          the plan's id: lower-case letters, digits, {@code . _ -}
 * @param name         display name; optional
 * @param currency     ISO 4217 code of every amount
 * @param rounding     RoundingMode name; default HALF_UP
 * @param cadence      DAILY, WEEKLY, MONTHLY (default) or YEARLY
 * @param flatFees     fees per whole period, prorated for partial periods
 * @param usageCharges price model per meter
 * @param minimumSpend minimum of the invoice per period; optional
 */
public record PlanRequest(String key, String name, String currency, String rounding, String cadence,
                          List<FlatFeeJson> flatFees, List<UsageChargeJson> usageCharges, String minimumSpend) {

    /**
     * A flat fee.
     *
     * @param code        stable id within the plan
     * @param description text on the invoice; optional
     * @param amount      exact decimal per whole period
     */
    public record FlatFeeJson(String code, String description, String amount) {
    }

    /**
     * How one meter is priced.
     *
     * @param meter meter key
     * @param model its price model
     */
    public record UsageChargeJson(String meter, PriceModelJson model) {
    }

    /** The plan record this body describes, for {@code key} (version and time set when stored). */
    Plan toPlan(String tenant, String planKey) {
        List<PlanFlatFee> fees = flatFees == null ? List.of() : flatFees.stream()
                .map(f -> PlanFlatFee.newBuilder().setCode(f == null ? null : f.code())
                        .setDescription(f == null ? null : f.description()).setAmount(f == null ? null : f.amount()).build())
                .toList();
        List<PlanUsageCharge> charges = usageCharges == null ? List.of() : usageCharges.stream()
                .map(u -> PlanUsageCharge.newBuilder().setMeter(u == null ? null : u.meter())
                        .setModel(u == null || u.model() == null ? new PriceModelJson(null, null, null, null, null, null, null, null).toSpec()
                                : u.model().toSpec()).build())
                .toList();
        return Plan.newBuilder()
                .setTenant(tenant)
                .setKey(planKey == null ? "" : planKey)
                .setVersion(0)
                .setName(name == null || name.isBlank() ? null : name.strip())
                .setCurrency(currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT))
                .setRounding(rounding == null || rounding.isBlank() ? "HALF_UP" : rounding.strip())
                .setCadence(cadence == null || cadence.isBlank() ? "MONTHLY" : cadence.strip().toUpperCase(Locale.ROOT))
                .setFlatFees(fees)
                .setUsageCharges(charges)
                .setMinimumSpend(minimumSpend == null || minimumSpend.isBlank() ? null : minimumSpend.strip())
                .setCreatedAt(Instant.EPOCH)
                .build();
    }
}
