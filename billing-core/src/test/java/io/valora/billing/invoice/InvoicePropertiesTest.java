package io.valora.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.money.Money;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Proration;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.billing.pricing.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Property (d): every line is at minor units and the invoice total equals the sum of its lines. */
class InvoicePropertiesTest {

    private static final BillingPeriod MAY = new BillingPeriod(
            Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"));

    @Property(tries = 500)
    void everyLineIsAtMinorUnitsAndTheTotalIsTheSumOfTheLines(
            @ForAll("currencies") String currencyCode,
            @ForAll RoundingMode anyMode,
            @ForAll @Size(min = 0, max = 8) List<@LongRange(min = 0, max = 50_000_000_000L) Long> usageMillis,
            @ForAll @IntRange(min = 0, max = 744) int activeHours,
            @ForAll @LongRange(min = -100_000, max = 100_000) long adjustmentMinorUnits) {
        Currency currency = Currency.getInstance(currencyCode);
        RoundingMode mode = anyMode == RoundingMode.UNNECESSARY ? RoundingMode.HALF_EVEN : anyMode;
        RatingPolicy policy = new RatingPolicy(currency, mode);
        Graduated model = Graduated.of(
                Tier.upTo("1000", Money.of(new BigDecimal("0.0123457"), currency)),
                Tier.unbounded(Money.of(new BigDecimal("0.0000015"), currency)));

        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(policy.flatFeeLine(LineIds.of("fee"), "plan", new FlatFee(Money.of(new BigDecimal("49.995"), currency)),
                Proration.of(MAY, MAY.start(), MAY.start().plusSeconds(activeHours * 3600L))));
        for (int i = 0; i < usageMillis.size(); i++) {
            BigDecimal quantity = BigDecimal.valueOf(usageMillis.get(i), 3);
            lines.add(policy.usageLine(LineIds.of("usage", Integer.toString(i)), "meter " + i,
                    i % 2 == 0 ? model : new PerUnit(Money.of(new BigDecimal("0.00071"), currency)), quantity));
        }
        lines.add(new InvoiceLine(LineIds.of("adjustment"), LineKind.ADJUSTMENT, "late usage", BigDecimal.ONE,
                Money.ofMinorUnits(adjustmentMinorUnits, currency)));
        policy.minimumTopUp(LineIds.of("minimum"), "minimum spend", Money.of(new BigDecimal("100"), currency), lines)
                .ifPresent(lines::add);
        Invoice invoice = new Invoice(currency, lines);

        long sumOfMinorUnits = 0;
        for (InvoiceLine line : invoice.lines()) {
            assertThat(line.amount().amount().scale()).isEqualTo(currency.getDefaultFractionDigits());
            sumOfMinorUnits += line.amount().toMinorUnits();
        }
        assertThat(invoice.total().toMinorUnits()).isEqualTo(sumOfMinorUnits);
        assertThat(invoice.total()).isEqualTo(Money.ofMinorUnits(sumOfMinorUnits, currency));
        assertThat(invoice.total().minus(invoice.subtotal())).isEqualTo(Money.ofMinorUnits(adjustmentMinorUnits, currency));
        assertThat(invoice.subtotal().compareTo(Money.of(new BigDecimal("100"), currency))).isGreaterThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("USD", "EUR", "JPY", "BHD", "KWD", "CLP", "IDR");
    }
}
