package io.valora.billing.pricing;

import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineKind;
import io.valora.billing.money.Money;
import io.valora.billing.period.Proration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan's rating rules: its one currency and the rounding mode that turns exact prices into
 * invoice lines.
 *
 * <p>Why it exists: rounding happens exactly once per line, and always the same way for a
 * plan, so that the live running charge, the invoice and a replay agree to the minor unit.
 * Every line of a plan's invoice is made here.
 *
 * <p><b>Default rounding: {@link RoundingMode#HALF_UP}</b> ("commercial rounding": 0.005 →
 * 0.01). It is what customers and accountants check by hand, what most invoicing and tax
 * rules expect, and Kill Bill's default too. The usual argument for HALF_EVEN (no upward
 * bias over many roundings) carries little weight here because Valora rounds once per line,
 * never per event. A plan may choose any other mode except {@code UNNECESSARY}.
 *
 * @param currency     the plan's currency; every price model of the plan must use it
 * @param roundingMode how line amounts are rounded to the currency's minor units
 */
public record RatingPolicy(Currency currency, RoundingMode roundingMode) {

    /** The rounding mode of a plan that does not choose one. */
    public static final RoundingMode DEFAULT_ROUNDING_MODE = RoundingMode.HALF_UP;

    /** Validates the parts. */
    public RatingPolicy {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(roundingMode, "roundingMode");
        if (roundingMode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("UNNECESSARY cannot round sub-minor-unit prices; choose e.g. HALF_UP");
        }
        Money.zero(currency); // refuses currencies without minor units
    }

    /** A policy with the {@link #DEFAULT_ROUNDING_MODE}. */
    public static RatingPolicy of(Currency currency) {
        return new RatingPolicy(currency, DEFAULT_ROUNDING_MODE);
    }

    /** The exact amount rounded to minor units with this plan's mode. */
    public Money round(Money exact) {
        requireCurrency(exact.currency());
        return exact.roundedToMinorUnits(roundingMode);
    }

    /** The rounded price of the period-to-date quantity. */
    public Money rate(PriceModel model, BigDecimal periodToDateQuantity) {
        requireCurrency(model.currency());
        return round(model.price(periodToDateQuantity));
    }

    /** A {@code USAGE} line: the rounded price of the period's total quantity. */
    public InvoiceLine usageLine(String lineId, String description, PriceModel model, BigDecimal periodToDateQuantity) {
        return new InvoiceLine(lineId, LineKind.USAGE, description, periodToDateQuantity,
                rate(model, periodToDateQuantity));
    }

    /** A {@code FLAT_FEE} line for the share of the period the plan covered (quantity 1). */
    public InvoiceLine flatFeeLine(String lineId, String description, FlatFee fee, Proration share) {
        requireCurrency(fee.currency());
        return new InvoiceLine(lineId, LineKind.FLAT_FEE, description, BigDecimal.ONE,
                share.applyTo(fee.amount(), roundingMode));
    }

    /**
     * An {@code ADJUSTMENT} line for usage that arrived after its period was invoiced: the
     * difference between the rounded price of the new total and the rounded price already
     * billed. Summed with the original line it gives exactly {@code rate(model, newTotal)},
     * so no minor unit is lost or billed twice however many adjustments follow.
     */
    public InvoiceLine adjustmentLine(String lineId, String description, PriceModel model,
                                      BigDecimal billedQuantity, BigDecimal newPeriodTotal) {
        Money delta = rate(model, newPeriodTotal).minus(rate(model, billedQuantity));
        return new InvoiceLine(lineId, LineKind.ADJUSTMENT, description,
                newPeriodTotal.subtract(billedQuantity), delta);
    }

    /**
     * A {@code MINIMUM_TOP_UP} line when this period's lines (adjustments excluded) sum to
     * less than {@code minimumSpend}; empty otherwise.
     */
    public Optional<InvoiceLine> minimumTopUp(String lineId, String description, Money minimumSpend,
                                              Collection<InvoiceLine> periodLines) {
        Money minimum = round(minimumSpend);
        Money charged = Money.zero(currency);
        for (InvoiceLine line : periodLines) {
            if (line.kind() != LineKind.ADJUSTMENT) {
                charged = charged.plus(line.amount());
            }
        }
        if (charged.compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new InvoiceLine(lineId, LineKind.MINIMUM_TOP_UP, description, BigDecimal.ONE,
                minimum.minus(charged)));
    }

    private void requireCurrency(Currency other) {
        if (!currency.equals(other)) {
            throw new IllegalArgumentException("the plan prices in " + currency.getCurrencyCode()
                    + " but got an amount or model in " + other.getCurrencyCode());
        }
    }
}
