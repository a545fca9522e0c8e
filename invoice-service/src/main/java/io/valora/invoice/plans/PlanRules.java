package io.valora.invoice.plans;

import io.valora.billing.period.Cadence;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import io.valora.schemas.PlanUsageCharge;
import io.valora.schemas.catalog.PriceModelSpecs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a plan version valid: a real currency with minor units, a rounding mode that can
 * round, a known cadence, non-negative exact amounts, unique fee codes and meters, and price
 * models that billing-core can build ({@link PriceModelSpecs#toModel}, whose messages name the field).
 *
 * <p>Why it exists: a plan that cannot be priced must be refused when it is written, not when a
 * period closes months later.
 */
public final class PlanRules {

    /** Plan keys, fee codes and meter keys: lower-case letters, digits, {@code . _ -}. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private PlanRules() {
    }

    /** Field (JSON path) → what is wrong with it; empty when the plan is valid. */
    public static Map<String, String> violations(Plan plan) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (plan.getKey() == null || !KEY.matcher(plan.getKey()).matches()) {
            errors.put("key", "must be 1–100 lower-case letters, digits, . _ -");
        }
        Currency currency = currency(plan.getCurrency(), errors);
        RoundingMode rounding = rounding(plan.getRounding(), errors);
        cadence(plan.getCadence(), errors);
        if (currency != null && rounding != null) {
            try {
                new RatingPolicy(currency, rounding);
            } catch (IllegalArgumentException e) {
                errors.put("currency", e.getMessage());
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < plan.getFlatFees().size(); i++) {
            PlanFlatFee fee = plan.getFlatFees().get(i);
            String field = "flatFees[" + i + "]";
            if (fee.getCode() == null || !KEY.matcher(fee.getCode()).matches()) {
                errors.put(field + ".code", "must be 1–100 lower-case letters, digits, . _ -");
            } else if (!codes.add(fee.getCode())) {
                errors.put(field + ".code", "'" + fee.getCode() + "' appears twice");
            }
            nonNegative(fee.getAmount(), field + ".amount", errors);
        }
        Set<String> meters = new HashSet<>();
        for (int i = 0; i < plan.getUsageCharges().size(); i++) {
            PlanUsageCharge charge = plan.getUsageCharges().get(i);
            String field = "usageCharges[" + i + "]";
            if (charge.getMeter() == null || !KEY.matcher(charge.getMeter()).matches()) {
                errors.put(field + ".meter", "must be a meter key");
            } else if (!meters.add(charge.getMeter())) {
                errors.put(field + ".meter", "'" + charge.getMeter() + "' is priced twice");
            }
            if (currency != null) {
                try {
                    PriceModelSpecs.toModel(charge.getModel(), currency);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    errors.put(field + ".model", e.getMessage());
                }
            }
        }
        if (plan.getMinimumSpend() != null) {
            nonNegative(plan.getMinimumSpend(), "minimumSpend", errors);
        }
        PlanLimits.check(plan, errors);
        return errors;
    }

    private static Currency currency(String code, Map<String, String> errors) {
        try {
            return Currency.getInstance(code == null ? "" : code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("currency", "must be an ISO 4217 code such as USD");
            return null;
        }
    }

    private static RoundingMode rounding(String name, Map<String, String> errors) {
        try {
            RoundingMode mode = RoundingMode.valueOf(name == null ? "" : name);
            if (mode == RoundingMode.UNNECESSARY) {
                errors.put("rounding", "UNNECESSARY cannot round; choose e.g. HALF_UP");
                return null;
            }
            return mode;
        } catch (IllegalArgumentException e) {
            errors.put("rounding", "must be a java.math.RoundingMode name such as HALF_UP or HALF_EVEN");
            return null;
        }
    }

    private static void cadence(String name, Map<String, String> errors) {
        try {
            Cadence.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            errors.put("cadence", "must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
    }

    private static void nonNegative(String value, String field, Map<String, String> errors) {
        try {
            if (value == null || new BigDecimal(value.strip()).signum() < 0) {
                errors.put(field, "must be a non-negative exact decimal string such as \"49.00\"");
            }
        } catch (NumberFormatException e) {
            errors.put(field, "must be an exact decimal string such as \"49.00\", got '" + value + "'");
        }
    }
}
