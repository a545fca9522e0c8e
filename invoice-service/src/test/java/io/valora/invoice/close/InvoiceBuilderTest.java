package io.valora.invoice.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.invoice.LineKind;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Cadence;
import io.valora.invoice.charges.ChargeRow;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.invoices.DraftLine;
import io.valora.invoice.invoices.InvoiceDraft;
import io.valora.invoice.subscriptions.Phase;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The invoice rule, to the cent: prorated fees per phase, trial, end, usage per charge, adjustments, minimum. */
class InvoiceBuilderTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
    private static final BillingPeriod NOVEMBER = new BillingPeriod(NOV, DEC);

    private final Map<PlanRef, Plan> plans = new HashMap<>();

    private void plan(String key, String fee, String minimum) {
        Plan plan = Plan.newBuilder().setTenant("t").setKey(key).setVersion(1).setCurrency("USD")
                .setRounding("HALF_UP").setCadence("MONTHLY")
                .setFlatFees(List.of(PlanFlatFee.newBuilder().setCode("platform").setDescription("Platform fee").setAmount(fee).build()))
                .setUsageCharges(List.of()).setMinimumSpend(minimum).setCreatedAt(NOV).build();
        plans.put(PlanRef.of(plan), plan);
    }

    private static StoredSubscription subscription(Optional<Instant> end, Optional<Instant> trialEnd, List<Phase> phases) {
        return new StoredSubscription("t", "sub_1", Optional.empty(), "cust", ZoneId.of("UTC"), Cadence.MONTHLY,
                LocalDateTime.parse("2026-11-01T00:00"), NOV, end, trialEnd, phases, NOV, NOV);
    }

    private static Phase phase(String plan, Instant from, Instant until) {
        return new Phase(plan, 1, from, Optional.ofNullable(until));
    }

    private static StoredCharge charge(String key, String group, long amountMinor, Instant adjustmentOf, String currency) {
        return new StoredCharge(new ChargeRow(key, "t", "sub_1", "cust", "api", group, "basic", 1, NOV, DEC, adjustmentOf,
                new BigDecimal("10"), new BigDecimal("0.01"), amountMinor, currency, 1, 1, true), 7);
    }

    private static List<Long> amounts(InvoiceDraft draft, LineKind kind) {
        List<Long> amounts = new ArrayList<>();
        for (DraftLine line : draft.lines()) {
            if (line.line().kind() == kind) {
                amounts.add(line.line().amount().toMinorUnits());
            }
        }
        return amounts;
    }

    @Test
    void noFlatFeeBeforeTheTrialEnds() {
        plan("basic", "30.00", null);
        StoredSubscription s = subscription(Optional.empty(), Optional.of(Instant.parse("2026-11-11T00:00:00Z")),
                List.of(phase("basic", NOV, null)));
        InvoiceDraft draft = InvoiceBuilder.build(s, NOVEMBER, plans, List.of());
        assertThat(amounts(draft, LineKind.FLAT_FEE)).containsExactly(2000L); // 30.00 × 20/30
        assertThat(draft.invoice().total().toMinorUnits()).isEqualTo(2000);

        StoredSubscription allTrial = subscription(Optional.empty(), Optional.of(DEC), List.of(phase("basic", NOV, null)));
        assertThat(InvoiceBuilder.build(allTrial, NOVEMBER, plans, List.of()).lines()).isEmpty();
    }

    @Test
    void upgradeMidPeriodProratesEachPlan() {
        plan("basic", "10.00", null);
        plan("pro", "49.00", null);
        Instant switchAt = Instant.parse("2026-11-16T00:00:00Z");
        StoredSubscription s = subscription(Optional.empty(), Optional.empty(),
                List.of(phase("basic", NOV, switchAt), phase("pro", switchAt, null)));
        InvoiceDraft draft = InvoiceBuilder.build(s, NOVEMBER, plans, List.of(charge("k1", null, 1235, null, "USD")));
        assertThat(amounts(draft, LineKind.FLAT_FEE)).containsExactly(500L, 2450L);
        assertThat(amounts(draft, LineKind.USAGE)).containsExactly(1235L);
        assertThat(draft.invoice().total().amount()).isEqualByComparingTo("41.85");
        assertThat(draft.key().subscription()).isEqualTo("sub_1");
    }

    @Test
    void downgradeAtTheNextPeriodBillsOnlyTheNewPlanThen() {
        plan("basic", "10.00", null);
        plan("pro", "49.00", null);
        StoredSubscription s = subscription(Optional.empty(), Optional.empty(),
                List.of(phase("pro", NOV, DEC), phase("basic", DEC, null)));
        assertThat(amounts(InvoiceBuilder.build(s, NOVEMBER, plans, List.of()), LineKind.FLAT_FEE)).containsExactly(4900L);
        BillingPeriod december = new BillingPeriod(DEC, Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(amounts(InvoiceBuilder.build(s, december, plans, List.of()), LineKind.FLAT_FEE)).containsExactly(1000L);
    }

    @Test
    void noFlatFeeAfterTheEnd() {
        plan("basic", "30.00", null);
        Instant end = Instant.parse("2026-11-21T00:00:00Z");
        StoredSubscription s = subscription(Optional.of(end), Optional.empty(), List.of(phase("basic", NOV, end)));
        assertThat(amounts(InvoiceBuilder.build(s, NOVEMBER, plans, List.of()), LineKind.FLAT_FEE)).containsExactly(2000L);
    }

    @Test
    void usageLinePerChargeAdjustmentsApartAndMinimumTopUp() {
        plan("basic", "10.00", "100.00");
        StoredSubscription s = subscription(Optional.empty(), Optional.empty(), List.of(phase("basic", NOV, null)));
        InvoiceDraft draft = InvoiceBuilder.build(s, NOVEMBER, plans, List.of(
                charge("k1", "region=eu", 1000, null, "USD"),
                charge("k2", "region=us", 235, null, "USD"),
                charge("k3", null, 500, Instant.parse("2026-10-01T00:00:00Z"), "USD")));
        assertThat(amounts(draft, LineKind.USAGE)).containsExactly(1000L, 235L);
        assertThat(amounts(draft, LineKind.ADJUSTMENT)).containsExactly(500L);
        assertThat(amounts(draft, LineKind.MINIMUM_TOP_UP)).containsExactly(7765L); // 100.00 - 10.00 - 12.35
        assertThat(draft.invoice().subtotal().amount()).isEqualByComparingTo("100.00");
        assertThat(draft.invoice().total().amount()).isEqualByComparingTo("105.00");
        assertThat(draft.lines().stream().filter(l -> l.line().kind() == LineKind.ADJUSTMENT).findFirst().orElseThrow()
                .line().description()).contains("2026-10-01");
        assertThat(draft.chargesRevision()).isEqualTo(7);
    }

    @Test
    void sameInputsSameIdsAndRefusesAnotherCurrency() {
        plan("basic", "10.00", null);
        StoredSubscription s = subscription(Optional.empty(), Optional.empty(), List.of(phase("basic", NOV, null)));
        InvoiceDraft first = InvoiceBuilder.build(s, NOVEMBER, plans, List.of(charge("k1", null, 1, null, "USD")));
        InvoiceDraft again = InvoiceBuilder.build(s, NOVEMBER, plans, List.of(charge("k1", null, 9, null, "USD")));
        assertThat(again.key().id()).isEqualTo(first.key().id());
        assertThat(again.lines()).extracting(l -> l.line().id()).isEqualTo(first.lines().stream().map(l -> l.line().id()).toList());
        assertThatThrownBy(() -> InvoiceBuilder.build(s, NOVEMBER, plans, List.of(charge("k2", null, 1, null, "EUR"))))
                .isInstanceOf(MixedCurrenciesException.class).hasMessageContaining("EUR");
    }
}
