package io.valora.rating.rate;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.period.BillingPeriod;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
import io.valora.rating.topology.Catalogs;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every field of the charges {@link PeriodRater} builds lands where the schema has it (the charges are built with
 * the positional all-fields constructor): each identity comes from a distinct value, so a swap fails here.
 */
class PeriodRaterTest {

    private static final BillingPeriod NOVEMBER = new BillingPeriod(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));
    private static final BillingPeriod OCTOBER = new BillingPeriod(Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"));

    private final MeteredUsage usage = new MeteredUsage("acme", "sub-7", "cust-3", "tokens", "region=eu",
            Pricing.of("pro", 4, "EUR", "HALF_UP", Catalogs.perUnit("0.0025")),
            new MeteredUsage.CalendarSpec("UTC", "MONTHLY", "2026-01-01T00:00"),
            new MeteredUsage.Reading("evt-1", Instant.parse("2026-11-10T08:00:00Z"), AggregationKind.SUM.name(),
                    new BigDecimal("10"), "10"));

    @Test
    void shouldPutEveryPartOfARunningChargeInItsOwnField() {
        RatedCharge before = RatedCharge.newBuilder(PeriodRater.empty()).setEventCount(5).setSequence(9).build();

        RatedCharge charge = PeriodRater.charge(usage, NOVEMBER, new BigDecimal("1000.50"), before);

        assertThat(charge.getTenant()).isEqualTo("acme");
        assertThat(charge.getSubscription()).isEqualTo("sub-7");
        assertThat(charge.getCustomer()).isEqualTo("cust-3");
        assertThat(charge.getMeter()).isEqualTo("tokens");
        assertThat(charge.getPeriodStart()).isEqualTo(NOVEMBER.start());
        assertThat(charge.getPeriodEnd()).isEqualTo(NOVEMBER.end());
        assertThat(charge.getQuantity()).isEqualTo("1000.50");
        assertThat(charge.getUnitPrice()).isEqualTo("0.0025");
        assertThat(charge.getAmountMinor()).isEqualTo(250); // 1000.50 x 0.0025 = 2.50125 EUR, HALF_UP to the cent
        assertThat(charge.getCurrency()).isEqualTo("EUR");
        assertThat(charge.getEventCount()).isEqualTo(6);
        assertThat(charge.getSequence()).isEqualTo(10);
        assertThat(charge.getFinal$()).isFalse();
        assertThat(charge.getGroup()).isEqualTo("region=eu");
        assertThat(charge.getPlan()).isEqualTo("pro");
        assertThat(charge.getPlanVersion()).isEqualTo(4);
        assertThat(charge.getAdjustmentOf()).isNull();
    }

    @Test
    void shouldBillAnAdjustmentOnTheOpenPeriodAndNameTheLateOne() {
        RatedCharge adjustment = PeriodRater.adjust(usage, NOVEMBER, OCTOBER.start(), new BigDecimal("1000"), 250,
                new BigDecimal("3000"), PeriodRater.empty());

        assertThat(adjustment.getPeriodStart()).isEqualTo(NOVEMBER.start());
        assertThat(adjustment.getPeriodEnd()).isEqualTo(NOVEMBER.end());
        assertThat(adjustment.getAdjustmentOf()).isEqualTo(OCTOBER.start());
        assertThat(adjustment.getQuantity()).isEqualTo("2000");
        assertThat(adjustment.getAmountMinor()).isEqualTo(750 - 250);
        assertThat(adjustment.getEventCount()).isEqualTo(1);
        assertThat(adjustment.getSequence()).isEqualTo(1);
        assertThat(adjustment.getPlan()).isEqualTo("pro");
        assertThat(adjustment.getPlanVersion()).isEqualTo(4);
        assertThat(adjustment.getGroup()).isEqualTo("region=eu");
        assertThat(PeriodRater.finalized(adjustment).getFinal$()).isTrue();
        assertThat(PeriodRater.finalized(adjustment).getSequence()).isEqualTo(2);
    }
}
