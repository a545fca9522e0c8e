package io.valora.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.invoice.Invoice;
import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineKind;
import io.valora.billing.money.Money;
import io.valora.billing.period.BillingCalendar;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Proration;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.FreeAllowance;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.MinimumSpend;
import io.valora.billing.pricing.PerPackage;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.billing.pricing.Tier;
import io.valora.billing.pricing.Volume;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number in docs/pricing.md, so the page cannot drift from the code. */
class PricingDocExamplesTest {

    private static final RatingPolicy USD = RatingPolicy.of(Currency.getInstance("USD"));
    private static final RatingPolicy EUR = RatingPolicy.of(Currency.getInstance("EUR"));

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money rate(RatingPolicy policy, PriceModel model, String quantity) {
        return policy.rate(model, new BigDecimal(quantity));
    }

    @Test
    void priceModelExamples() {
        assertThat(rate(EUR, new FlatFee(eur("49.00")), "123")).isEqualTo(eur("49.00"));

        PerUnit tokens = new PerUnit(usd("0.0000015"));
        assertThat(tokens.price(new BigDecimal("3333333")).amount()).isEqualByComparingTo("4.9999995");
        assertThat(rate(USD, tokens, "3333333")).isEqualTo(usd("5.00"));

        PerPackage messages = new PerPackage(usd("10.00"), new BigDecimal("1000"));
        assertThat(rate(USD, messages, "2500.5")).isEqualTo(usd("30.00"));
        assertThat(rate(USD, messages, "1")).isEqualTo(usd("10.00"));
        assertThat(rate(USD, messages, "1000")).isEqualTo(usd("10.00"));
        assertThat(rate(USD, messages, "1001")).isEqualTo(usd("20.00"));

        Graduated calls = Graduated.of(Tier.upTo("1000", usd("0.10")), Tier.upTo("10000", usd("0.08")),
                Tier.unbounded(usd("0.05")));
        assertThat(rate(USD, calls, "12345")).isEqualTo(usd("937.25"));
        assertThat(rate(USD, calls, "1000")).isEqualTo(usd("100.00"));
        assertThat(rate(USD, calls, "1001")).isEqualTo(usd("100.08"));

        Volume seats = Volume.of(Tier.upTo("1000", eur("10")), Tier.upTo("5000", eur("8")), Tier.unbounded(eur("6")));
        assertThat(rate(EUR, seats, "1000")).isEqualTo(eur("10000.00"));
        assertThat(rate(EUR, seats, "1001")).isEqualTo(eur("8008.00"));

        FreeAllowance included = new FreeAllowance(new BigDecimal("10000"), new PerUnit(usd("0.001")));
        assertThat(included.price(new BigDecimal("12345")).amount()).isEqualByComparingTo("2.345");
        assertThat(rate(USD, included, "12345")).isEqualTo(usd("2.35"));
        assertThat(rate(new RatingPolicy(USD.currency(), RoundingMode.HALF_EVEN), included, "12345"))
                .isEqualTo(usd("2.34"));

        MinimumSpend storage = new MinimumSpend(usd("5.00"), new PerUnit(usd("0.02")));
        assertThat(rate(USD, storage, "100")).isEqualTo(usd("5.00"));
        assertThat(rate(USD, storage, "400")).isEqualTo(usd("8.00"));
    }

    @Test
    void minimumCommitmentExample() {
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine("usage", LineKind.USAGE, "calls", BigDecimal.TEN, usd("12.00")));
        USD.minimumTopUp("top-up", "minimum", usd("20.00"), lines).ifPresent(lines::add);

        assertThat(lines.get(1).amount()).isEqualTo(usd("8.00"));
        assertThat(new Invoice(USD.currency(), lines).subtotal()).isEqualTo(usd("20.00"));
    }

    @Test
    void roundingExamples() {
        assertThat(usd("0.005").roundedToMinorUnits(RatingPolicy.DEFAULT_ROUNDING_MODE)).isEqualTo(usd("0.01"));
        assertThat(usd("-0.005").roundedToMinorUnits(RatingPolicy.DEFAULT_ROUNDING_MODE)).isEqualTo(usd("-0.01"));
        assertThat(rate(USD, new PerUnit(usd("0.005")), "3")).isEqualTo(usd("0.02"));
        RatingPolicy yen = RatingPolicy.of(Currency.getInstance("JPY"));
        RatingPolicy dinar = RatingPolicy.of(Currency.getInstance("BHD"));
        assertThat(rate(yen, new PerUnit(Money.of("0.15", "JPY")), "1003")).isEqualTo(Money.of("150", "JPY"));
        assertThat(rate(dinar, new PerUnit(Money.of("0.0015", "BHD")), "1001")).isEqualTo(Money.of("1.502", "BHD"));
    }

    @Test
    void lateUsageExample() {
        Graduated model = Graduated.of(Tier.upTo("1000", usd("0.013")), Tier.unbounded(usd("0.007")));

        Money april = rate(USD, model, "999");
        InvoiceLine first = USD.adjustmentLine("a1", "late", model, new BigDecimal("999"), new BigDecimal("1003"));
        InvoiceLine second = USD.adjustmentLine("a2", "late", model, new BigDecimal("1003"), new BigDecimal("1500"));

        assertThat(april).isEqualTo(usd("12.99"));
        assertThat(first.amount()).isEqualTo(usd("0.03"));
        assertThat(second.amount()).isEqualTo(usd("3.48"));
        assertThat(april.plus(first.amount()).plus(second.amount())).isEqualTo(rate(USD, model, "1500"));
        assertThat(rate(USD, model, "1500")).isEqualTo(usd("16.50"));
    }

    @Test
    void periodExamples() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BillingCalendar calendar = BillingCalendar.monthly(berlin);

        assertThat(calendar.periodContaining(Instant.parse("2024-03-15T00:00:00Z")).duration())
                .isEqualTo(Duration.ofHours(743));
        assertThat(calendar.periodContaining(Instant.parse("2024-10-15T00:00:00Z")).duration())
                .isEqualTo(Duration.ofHours(745));
    }

    @Test
    void prorationExamples() {
        BillingPeriod april = new BillingPeriod(Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"));
        InvoiceLine startedLate = EUR.flatFeeLine("fee", "plan", new FlatFee(eur("49.00")),
                Proration.of(april, Instant.parse("2024-04-21T00:00:00Z"), april.end()));
        assertThat(startedLate.amount()).isEqualTo(eur("16.33"));

        BillingPeriod october = BillingCalendar.monthly(ZoneId.of("Europe/Berlin"))
                .periodContaining(Instant.parse("2024-10-15T00:00:00Z"));
        Instant change = Instant.parse("2024-10-14T22:00:00Z");
        Proration basic = Proration.of(october, october.start(), change);
        Proration pro = Proration.of(october, change, october.end());

        assertThat(october).isEqualTo(new BillingPeriod(Instant.parse("2024-09-30T22:00:00Z"),
                Instant.parse("2024-10-31T23:00:00Z")));
        assertThat(Duration.ofNanos(basic.activeNanos())).isEqualTo(Duration.ofHours(336));
        assertThat(Duration.ofNanos(pro.activeNanos())).isEqualTo(Duration.ofHours(409));
        assertThat(EUR.flatFeeLine("basic", "Basic", new FlatFee(eur("49")), basic).amount()).isEqualTo(eur("22.10"));
        assertThat(EUR.flatFeeLine("pro", "Pro", new FlatFee(eur("99")), pro).amount()).isEqualTo(eur("54.35"));
    }
}
