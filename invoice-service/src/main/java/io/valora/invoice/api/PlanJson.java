package io.valora.invoice.api;

import io.valora.schemas.Plan;
import java.util.List;

/**
 * The JSON form of one plan version.
 *
 * @param key          the plan's id within the tenant
 * @param version      1, 2, …; every edit is a new version
 * @param name         display name, or null
 * @param currency     ISO 4217 code
 * @param rounding     RoundingMode name
 * @param cadence      billing period length
 * @param flatFees     fees per whole period
 * @param usageCharges price model per meter
 * @param minimumSpend minimum of the invoice per period, or null
 * @param createdAt    ISO-8601 instant the version was created
 */
public record PlanJson(String key, int version, String name, String currency, String rounding, String cadence,
                       List<PlanRequest.FlatFeeJson> flatFees, List<PlanRequest.UsageChargeJson> usageCharges,
                       String minimumSpend, String createdAt) {

    static PlanJson of(Plan p) {
        return new PlanJson(p.getKey(), p.getVersion(), p.getName(), p.getCurrency(), p.getRounding(), p.getCadence(),
                p.getFlatFees().stream().map(f -> new PlanRequest.FlatFeeJson(f.getCode(), f.getDescription(), f.getAmount()))
                        .toList(),
                p.getUsageCharges().stream()
                        .map(u -> new PlanRequest.UsageChargeJson(u.getMeter(), PriceModelJson.of(u.getModel()))).toList(),
                p.getMinimumSpend(), p.getCreatedAt().toString());
    }
}
