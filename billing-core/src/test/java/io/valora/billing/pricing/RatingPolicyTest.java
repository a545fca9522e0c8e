package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineKind;
import io.valora.billing.money.Money;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Proration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingPolicyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final RatingPolicy POLICY = RatingPolicy.of(USD);

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void defaultsToHalfUp() {
        assertThat(POLICY.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
        assertThat(RatingPolicy.DEFAULT_ROUNDING_MODE).isEqualTo(RoundingMode.HALF_UP);
    }

    @ParameterizedTest(name = "{1} at 0.001 with {0} is {2}")
    @CsvSource({
            "HALF_UP,   5,    0.01",
            "HALF_EVEN, 5,    0.00",
            "HALF_EVEN, 15,   0.02",
            "DOWN,      9,    0.00",
            "UP,        1,    0.01",
            "HALF_UP,   4,    0.00",
    })
    void roundsOnceWithThePlansMode(RoundingMode mode, String quantity, String expected) {
        RatingPolicy policy = new RatingPolicy(USD, mode);

        Money rated = policy.rate(new PerUnit(usd("0.001")), new BigDecimal(quantity));

        assertThat(rated.amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void makesUsageLinesAtMinorUnits() {
        InvoiceLine line = POLICY.usageLine("id-1", "API calls", new PerUnit(usd("0.0000015")), new BigDecimal("1234567"));

        assertThat(line.kind()).isEqualTo(LineKind.USAGE);
        assertThat(line.amount()).isEqualTo(usd("1.85"));
        assertThat(line.quantity()).isEqualByComparingTo("1234567");
    }

    @Test
    void roundsJapaneseYenToWholeYenAndBahrainiDinarToFils() {
        RatingPolicy yen = RatingPolicy.of(Currency.getInstance("JPY"));
        RatingPolicy dinar = RatingPolicy.of(Currency.getInstance("BHD"));

        assertThat(yen.rate(new PerUnit(Money.of("0.15", "JPY")), new BigDecimal("1003")).amount())
                .isEqualTo(new BigDecimal("150"));
        assertThat(dinar.rate(new PerUnit(Money.of("0.0015", "BHD")), new BigDecimal("1001")).amount())
                .isEqualTo(new BigDecimal("1.502"));
    }

    @Test
    void adjustmentIsTheDifferenceOfRoundedPricesSoNothingDrifts() {
        PerUnit model = new PerUnit(usd("0.004"));

        InvoiceLine billed = POLICY.usageLine("usage", "calls", model, new BigDecimal("1"));
        InvoiceLine late = POLICY.adjustmentLine("adj-1", "late calls", model, new BigDecimal("1"), new BigDecimal("2"));

        assertThat(billed.amount()).isEqualTo(usd("0.00"));
        assertThat(late.amount()).isEqualTo(usd("0.01"));
        assertThat(late.quantity()).isEqualByComparingTo("1");
        assertThat(billed.amount().plus(late.amount())).isEqualTo(POLICY.rate(model, new BigDecimal("2")));
    }

    @Test
    void adjustmentMayBeNegativeWhenAVolumeTierIsCrossed() {
        Volume model = Volume.of(Tier.upTo("10", usd("1")), Tier.unbounded(usd("0.5")));

        InvoiceLine late = POLICY.adjustmentLine("adj", "late", model, new BigDecimal("10"), new BigDecimal("11"));

        assertThat(late.amount()).isEqualTo(usd("-4.50"));
        assertThat(late.kind()).isEqualTo(LineKind.ADJUSTMENT);
    }

    @Test
    void proratesTheFlatFeeAndRoundsOnce() {
        BillingPeriod period = new BillingPeriod(Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"));
        Proration third = Proration.of(period, Instant.parse("2024-04-21T00:00:00Z"), period.end());

        InvoiceLine line = POLICY.flatFeeLine("fee", "Pro plan", new FlatFee(usd("100")), third);

        assertThat(line.amount()).isEqualTo(usd("33.33"));
        assertThat(line.kind()).isEqualTo(LineKind.FLAT_FEE);
    }

    @Test
    void topsUpToTheMinimumSpendIgnoringAdjustments() {
        List<InvoiceLine> lines = List.of(
                new InvoiceLine("a", LineKind.USAGE, "calls", BigDecimal.TEN, usd("12.00")),
                new InvoiceLine("b", LineKind.ADJUSTMENT, "late", BigDecimal.ONE, usd("30.00")));

        InvoiceLine topUp = POLICY.minimumTopUp("top", "minimum", usd("20"), lines).orElseThrow();

        assertThat(topUp.kind()).isEqualTo(LineKind.MINIMUM_TOP_UP);
        assertThat(topUp.amount()).isEqualTo(usd("8.00"));
        assertThat(POLICY.minimumTopUp("top", "minimum", usd("12"), lines)).isEmpty();
    }

    @Test
    void refusesModelsInAnotherCurrencyAndUnnecessaryRounding() {
        assertThatThrownBy(() -> POLICY.rate(new PerUnit(Money.of("1", "EUR")), BigDecimal.ONE))
                .hasMessageContaining("prices in USD");
        assertThatThrownBy(() -> new RatingPolicy(USD, RoundingMode.UNNECESSARY))
                .hasMessageContaining("UNNECESSARY");
    }
}
