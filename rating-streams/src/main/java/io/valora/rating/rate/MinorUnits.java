package io.valora.rating.rate;

import io.valora.billing.limits.BillingLimits;
import io.valora.billing.money.Money;
import java.math.BigDecimal;

/**
 * Turns rounded amounts into the {@code long} minor units of a {@code RatedCharge}, and adds them,
 * checking {@link BillingLimits#MAX_AMOUNT_MINOR} first.
 *
 * <p>Why: billing-core's {@code Money.toMinorUnits} throws {@link ArithmeticException} past a
 * {@code long} (and {@code long} sums wrap silently). Each event's quantity is capped, but a period's
 * sum times a price is not, so one customer's usage could otherwise stop the stream thread for
 * every tenant of the partition. Here the overflow is an {@link AmountOverflowException} that rating
 * answers by rejecting the event.
 */
final class MinorUnits {

    private static final BigDecimal MAX = BigDecimal.valueOf(BillingLimits.MAX_AMOUNT_MINOR);
    private static final BigDecimal MIN = MAX.negate();

    private MinorUnits() {
    }

    /** The minor units of an amount already rounded to the currency's minor unit. */
    static long of(Money rounded) {
        BigDecimal minor = rounded.amount().movePointRight(Math.max(0, rounded.currency().getDefaultFractionDigits()));
        if (minor.compareTo(MAX) > 0 || minor.compareTo(MIN) < 0) {
            throw new AmountOverflowException("the amount " + rounded + " exceeds the largest amount a charge can carry ("
                    + BillingLimits.MAX_AMOUNT_MINOR + " minor units)");
        }
        return minor.longValueExact();
    }

    /** {@code a + b - c}, exactly. */
    static long plusMinus(long a, long b, long c) {
        try {
            return Math.subtractExact(Math.addExact(a, b), c);
        } catch (ArithmeticException e) {
            throw new AmountOverflowException("the adjustment's amount exceeds the largest amount a charge can carry ("
                    + BillingLimits.MAX_AMOUNT_MINOR + " minor units)");
        }
    }
}
