package io.valora.billing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one ISO 4217 currency.
 *
 * <p>Why it exists: an invoice must be right to the cent every time, so amounts are never
 * binary fractions. {@code Money} keeps the full scale of intermediate results (a unit price
 * of {@code 0.0000015 USD} per token is a valid {@code Money}) and rounds only when asked,
 * once, to the currency's minor units ({@link #roundedToMinorUnits(RoundingMode)}: JPY 0
 * digits, USD 2, BHD 3). Arithmetic across currencies is refused.
 *
 * <p>Equality is the record's: {@code 1.0 USD} and {@code 1.00 USD} are different values
 * (different scale). Use {@link #isEqualTo(Money)} to compare numerically; {@link #compareTo}
 * is numerical too, so the natural order is not consistent with {@code equals}, as for
 * {@link BigDecimal}.
 *
 * @param amount   the exact amount, any scale, may be negative (credits, adjustments)
 * @param currency a currency with a defined minor unit (not XAU, XXX, ...)
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Validates that both parts are present and that the currency has minor units. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
                    + " has no minor unit; Valora bills only in currencies with one (e.g. USD, EUR, JPY)");
        }
    }

    /** Parses an amount such as {@code "12.345"} in the currency with this ISO 4217 code. */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currencyCode");
        final BigDecimal parsed;
        try {
            parsed = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount: '" + amount + "'", e);
        }
        return new Money(parsed, currency(currencyCode));
    }

    /** The amount in the currency, keeping its scale. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Zero at the currency's minor-unit scale (e.g. {@code 0.00 USD}, {@code 0 JPY}). */
    public static Money zero(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return new Money(BigDecimal.ZERO.setScale(Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    /** From an integral count of minor units: {@code ofMinorUnits(1234, USD)} is {@code 12.34 USD}. */
    public static Money ofMinorUnits(long minorUnits, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return new Money(BigDecimal.valueOf(minorUnits, Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    /** Looks up an ISO 4217 code with an error message that names the bad code. */
    public static Currency currency(String currencyCode) {
        try {
            return Currency.getInstance(currencyCode.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency code: '" + currencyCode + "'", e);
        }
    }

    /** Exact sum; both amounts must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** Exact difference; both amounts must be in the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Exact product, no rounding: the scale is the sum of both scales. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    /** The negated amount (for credits). */
    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    /** Rounded once to the currency's minor units with the given mode; scale = minor-unit digits. */
    public Money roundedToMinorUnits(RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), mode), currency);
    }

    /**
     * The amount as a count of minor units ({@code 12.34 USD} is {@code 1234}).
     *
     * @throws ArithmeticException if the amount has digits below the minor unit (round first)
     *                             or does not fit in a {@code long}
     */
    public long toMinorUnits() {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }

    /** True when the amount has no digits below the currency's minor unit. */
    public boolean isAtMinorUnits() {
        return amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();
    }

    /** Numerical equality in the same currency, ignoring scale ({@code 1.0 == 1.00}). */
    public boolean isEqualTo(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /** Sign of the amount: -1, 0 or 1. */
    public int signum() {
        return amount.signum();
    }

    /** The larger of both amounts (same currency); on a numerical tie, this one. */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Orders by amount; both must be in the same currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency.getCurrencyCode()
                    + " vs " + other.currency.getCurrencyCode() + "; a plan prices in one currency only");
        }
    }

    /** {@code "12.3400 USD"}: the plain amount (never exponent notation) and the code. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
