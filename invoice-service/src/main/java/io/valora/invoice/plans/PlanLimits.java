package io.valora.invoice.plans;

import io.valora.billing.carddata.CardNumberDetector;
import io.valora.billing.limits.BillingLimits;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.PriceTierSpec;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The documented input limits ({@link BillingLimits}) applied to a plan, each violation named by
 * its JSON field: name and description lengths, fee and price magnitudes and scales, tier counts.
 *
 * <p>Why it exists: a plan is published as one Kafka record and priced by rating for months; a
 * 2 MB name or a price of 10^40 must be refused where it enters (422 naming the field), not fail
 * the outbox relay or overflow rating later. Presence and format of the values are
 * {@link PlanRules}' job; this adds the bounds.
 */
final class PlanLimits {

    private PlanLimits() {
    }

    /** Adds a violation per field beyond a limit (fields already reported keep their first reason). */
    static void check(Plan plan, Map<String, String> errors) {
        text(plan.getName(), "name", BillingLimits.MAX_NAME_LENGTH, errors);
        for (int i = 0; i < plan.getFlatFees().size(); i++) {
            PlanFlatFee fee = plan.getFlatFees().get(i);
            text(fee.getDescription(), "flatFees[" + i + "].description", BillingLimits.MAX_DESCRIPTION_LENGTH, errors);
            amount(fee.getAmount(), "flatFees[" + i + "].amount", BillingLimits.MAX_FLAT_AMOUNT, errors);
        }
        amount(plan.getMinimumSpend(), "minimumSpend", BillingLimits.MAX_FLAT_AMOUNT, errors);
        for (int i = 0; i < plan.getUsageCharges().size(); i++) {
            model(plan.getUsageCharges().get(i).getModel(), "usageCharges[" + i + "].model", errors);
        }
    }

    private static void model(PriceModelSpec model, String field, Map<String, String> errors) {
        if (model == null) {
            return;
        }
        amount(model.getUnitPrice(), field + ".unitPrice", BillingLimits.MAX_UNIT_PRICE, errors);
        amount(model.getPackagePrice(), field + ".packagePrice", BillingLimits.MAX_UNIT_PRICE, errors);
        amount(model.getFlatAmount(), field + ".flatAmount", BillingLimits.MAX_FLAT_AMOUNT, errors);
        amount(model.getMinimum(), field + ".minimum", BillingLimits.MAX_FLAT_AMOUNT, errors);
        if (model.getTiers().size() > BillingLimits.MAX_TIERS) {
            errors.putIfAbsent(field + ".tiers", "at most " + BillingLimits.MAX_TIERS + " tiers");
            return;
        }
        for (int t = 0; t < model.getTiers().size(); t++) {
            PriceTierSpec tier = model.getTiers().get(t);
            amount(tier.getUnitPrice(), field + ".tiers[" + t + "].unitPrice", BillingLimits.MAX_UNIT_PRICE, errors);
            amount(tier.getFlatFee(), field + ".tiers[" + t + "].flatFee", BillingLimits.MAX_FLAT_AMOUNT, errors);
        }
    }

    private static void text(String value, String field, int max, Map<String, String> errors) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.putIfAbsent(field, "must be at most " + max + " characters");
        } else if (CardNumberDetector.containsCardNumber(value)) {
            errors.putIfAbsent(field, "looks like a payment card number; Valora never stores card data");
        }
    }

    /** An unparsable value is left to the model's own validation; here only magnitude and scale count. */
    private static void amount(String value, String field, BigDecimal max, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (amount.abs().compareTo(max) > 0) {
            errors.putIfAbsent(field, "must be at most " + max.toPlainString());
        } else if (amount.stripTrailingZeros().scale() > BillingLimits.MAX_PRICE_SCALE) {
            errors.putIfAbsent(field, "must have at most " + BillingLimits.MAX_PRICE_SCALE + " decimal places");
        }
    }
}
