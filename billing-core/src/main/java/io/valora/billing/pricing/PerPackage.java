package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A price per started package of N units: {@code price(q) = packagePrice × ceil(q / N)}.
 *
 * <p>Why it exists: "10 USD per 1,000 messages, any part of a package counts as a package".
 * Zero usage costs nothing; 1 unit buys a whole package; exactly N units buy one.
 * Named {@code PerPackage} so that it does not clash with {@link java.lang.Package}.
 *
 * @param packagePrice the price of one package, not negative
 * @param packageSize  units in one package, greater than zero (may be fractional)
 */
public record PerPackage(Money packagePrice, BigDecimal packageSize) implements PriceModel {

    /** Validates price and size. */
    public PerPackage {
        Objects.requireNonNull(packagePrice, "packagePrice");
        Objects.requireNonNull(packageSize, "packageSize");
        if (packagePrice.signum() < 0) {
            throw new IllegalArgumentException("package price must not be negative, got " + packagePrice);
        }
        if (packageSize.signum() <= 0) {
            throw new IllegalArgumentException("package size must be greater than zero, got "
                    + packageSize.toPlainString());
        }
    }

    /** The number of packages started by the quantity: {@code ceil(q / packageSize)}. */
    public BigDecimal packages(BigDecimal quantity) {
        // Division to scale 0 with CEILING is exact rounding of the true quotient.
        return PriceModel.requireQuantity(quantity).divide(packageSize, 0, RoundingMode.CEILING);
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        return packagePrice.times(packages(periodToDateQuantity));
    }

    @Override
    public Currency currency() {
        return packagePrice.currency();
    }
}
