package io.valora.invoice.close;

import io.valora.billing.invoice.Invoice;
import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineIds;
import io.valora.billing.invoice.LineKind;
import io.valora.billing.money.Money;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Proration;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.invoice.charges.ChargeRow;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.invoices.DraftLine;
import io.valora.invoice.invoices.InvoiceDraft;
import io.valora.invoice.invoices.InvoiceKey;
import io.valora.invoice.subscriptions.Phase;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds one period's draft invoice of a subscription with billing-core. Pure: no database, no clock.
 * <ul>
 *   <li>{@code FLAT_FEE}: each plan phase's fees, prorated by the share of the period the phase was
 *       billable ({@link Proration}: from the later of phase start and trial end, to the earlier of
 *       phase end and subscription end); nothing before the trial ends or after the end;</li>
 *   <li>{@code USAGE}: one line per rated charge billed on the period (each meter, group and plan
 *       phase its own), the amount being the charge's amount, rounded once by rating;</li>
 *   <li>{@code ADJUSTMENT}: one line per late-usage charge billed on the period;</li>
 *   <li>{@code MINIMUM_TOP_UP}: up to the phases' minimum spend, prorated like the fees.</li>
 * </ul>
 *
 * <p>Why it exists: it is the invoice rule, and it must be testable in milliseconds; billing-core's
 * {@link RatingPolicy} makes every line and {@link Invoice} adds them up exactly.
 */
public final class InvoiceBuilder {

    private InvoiceBuilder() {
    }

    /**
     * The draft of {@code subscription}'s {@code period}.
     *
     * @param plans   at least every plan version of the phases overlapping the period
     * @param charges the charges billed on the period
     * @throws MixedCurrenciesException when a charge or phase is in another currency than the plan in force
     */
    public static InvoiceDraft build(StoredSubscription subscription, BillingPeriod period, Map<PlanRef, Plan> plans,
                                     List<StoredCharge> charges) {
        InvoiceKey key = new InvoiceKey(subscription.tenant(), subscription.id(), subscription.customer(), period.start());
        List<Phase> phases = subscription.phases().stream()
                .filter(p -> p.from().isBefore(period.end()) && p.until().map(u -> u.isAfter(period.start())).orElse(true))
                .toList();
        Phase last = phases.isEmpty() ? subscription.phaseAt(period.start()) : phases.get(phases.size() - 1);
        Plan inForce = plan(plans, last);
        Currency currency = Money.currency(inForce.getCurrency());
        RatingPolicy policy = new RatingPolicy(currency, RoundingMode.valueOf(inForce.getRounding()));
        Map<String, String> meterByCurrency = new LinkedHashMap<>();
        meterByCurrency.put(currency.getCurrencyCode(), "plan " + inForce.getKey());

        List<DraftLine> lines = new ArrayList<>();
        Money minimum = Money.zero(currency);
        for (Phase phase : phases) {
            Plan plan = plan(plans, phase);
            meterByCurrency.putIfAbsent(plan.getCurrency(), "plan " + plan.getKey());
            Proration share = billableShare(subscription, period, phase);
            if (share.activeNanos() == 0 || !plan.getCurrency().equals(currency.getCurrencyCode())) {
                continue;
            }
            for (PlanFlatFee fee : plan.getFlatFees()) {
                String id = LineIds.of("flat-fee", key.id(), plan.getKey(), Integer.toString(plan.getVersion()),
                        phase.from().toString(), fee.getCode());
                String description = (fee.getDescription() == null ? fee.getCode() : fee.getDescription())
                        + " (" + plan.getKey() + " v" + plan.getVersion() + (share.isWhole() ? ")" : ", prorated: "
                        + percent(share) + "% of the period)");
                InvoiceLine line = policy.flatFeeLine(id, description,
                        new FlatFee(Money.of(new BigDecimal(fee.getAmount()), currency)), share);
                lines.add(new DraftLine(line, null, null));
            }
            if (plan.getMinimumSpend() != null) {
                minimum = minimum.plus(share.applyTo(Money.of(new BigDecimal(plan.getMinimumSpend()), currency),
                        policy.roundingMode()));
            }
        }
        List<StoredCharge> ordered = charges.stream().sorted(Comparator
                .comparing((StoredCharge s) -> s.charge().isAdjustment())
                .thenComparing(s -> s.charge().meter())
                .thenComparing(s -> Objects.toString(s.charge().group(), ""))
                .thenComparing(s -> s.charge().chargeKey())).toList();
        long revision = 0;
        for (StoredCharge stored : ordered) {
            ChargeRow charge = stored.charge();
            meterByCurrency.putIfAbsent(charge.currency(), "meter " + charge.meter());
            lines.add(chargeLine(key, charge, currency, subscription));
            revision = Math.max(revision, stored.revision());
        }
        if (meterByCurrency.size() > 1) {
            throw new MixedCurrenciesException(key, meterByCurrency);
        }
        if (minimum.signum() > 0) {
            List<InvoiceLine> periodLines = lines.stream().map(DraftLine::line).toList();
            Optional<InvoiceLine> topUp = policy.minimumTopUp(LineIds.of("minimum", key.id()),
                    "Minimum spend top-up to " + minimum.amount().toPlainString() + " " + currency.getCurrencyCode(),
                    minimum, periodLines);
            topUp.ifPresent(line -> lines.add(new DraftLine(line, null, null)));
        }
        Invoice invoice = new Invoice(currency, lines.stream().map(DraftLine::line).toList());
        return new InvoiceDraft(key, period.end(), invoice, lines, revision);
    }

    /**
     * A usage-only draft for charges of a subscription the catalog does not know (charges rated
     * before the catalog existed): one line per charge, in the charges' currency.
     */
    public static InvoiceDraft usageOnly(String tenant, String subscription, Instant periodStart, List<StoredCharge> charges) {
        ChargeRow first = charges.get(0).charge();
        InvoiceKey key = new InvoiceKey(tenant, subscription, first.customer(), periodStart);
        Map<String, String> meterByCurrency = new LinkedHashMap<>();
        Instant periodEnd = first.periodEnd();
        long revision = 0;
        for (StoredCharge stored : charges) {
            meterByCurrency.putIfAbsent(stored.charge().currency(), "meter " + stored.charge().meter());
            periodEnd = stored.charge().periodEnd().isAfter(periodEnd) ? stored.charge().periodEnd() : periodEnd;
            revision = Math.max(revision, stored.revision());
        }
        if (meterByCurrency.size() > 1) {
            throw new MixedCurrenciesException(key, meterByCurrency);
        }
        Currency currency = Money.currency(first.currency());
        List<DraftLine> lines = charges.stream()
                .sorted(Comparator.comparing((StoredCharge s) -> s.charge().isAdjustment())
                        .thenComparing(s -> s.charge().meter()).thenComparing(s -> s.charge().chargeKey()))
                .map(s -> chargeLine(key, s.charge(), currency, null)).toList();
        Invoice invoice = new Invoice(currency, lines.stream().map(DraftLine::line).toList());
        return new InvoiceDraft(key, periodEnd, invoice, lines, revision);
    }

    /** The part of {@code period} in which {@code phase}'s fees are due: after the trial, before the end. */
    static Proration billableShare(StoredSubscription s, BillingPeriod period, Phase phase) {
        Instant from = phase.from();
        if (s.trialEndAt().isPresent() && s.trialEndAt().get().isAfter(from)) {
            from = s.trialEndAt().get();
        }
        Instant to = phase.until().orElse(period.end());
        if (s.endAt().isPresent() && s.endAt().get().isBefore(to)) {
            to = s.endAt().get();
        }
        return from.isBefore(to) ? Proration.of(period, from, to) : new Proration(0, period.duration().toNanos());
    }

    private static String percent(Proration share) {
        return BigDecimal.valueOf(share.activeNanos()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(share.periodNanos()), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static DraftLine chargeLine(InvoiceKey key, ChargeRow charge, Currency currency, StoredSubscription s) {
        String id = LineIds.of("charge", key.tenant(), charge.chargeKey());
        String what = charge.meter() + (charge.group() == null ? "" : " [" + charge.group() + "]")
                + (charge.plan() == null ? "" : " (" + charge.plan() + " v" + charge.planVersion() + ")");
        String price = charge.unitPrice() == null ? "" : " at " + charge.unitPrice().toPlainString() + " " + currency.getCurrencyCode();
        Money amount = Money.ofMinorUnits(charge.amountMinor(), currency);
        InvoiceLine line;
        if (charge.isAdjustment()) {
            LocalDate late = s == null ? charge.adjustmentOf().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    : charge.adjustmentOf().atZone(s.timeZone()).toLocalDate();
            line = new InvoiceLine(id, LineKind.ADJUSTMENT, "Late usage of " + what + " for the period starting " + late
                    + ": " + charge.quantity().toPlainString(), charge.quantity(), amount);
        } else {
            line = new InvoiceLine(id, LineKind.USAGE, "Usage of " + what + ": " + charge.quantity().toPlainString() + price,
                    charge.quantity(), amount);
        }
        return new DraftLine(line, charge.meter(), charge.unitPrice());
    }

    private static Plan plan(Map<PlanRef, Plan> plans, Phase phase) {
        Plan plan = plans.get(new PlanRef(phase.plan(), phase.planVersion()));
        if (plan == null) {
            throw new IllegalStateException("plan " + phase.plan() + " v" + phase.planVersion() + " is not in the catalog");
        }
        return plan;
    }
}
