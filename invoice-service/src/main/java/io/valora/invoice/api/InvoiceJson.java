package io.valora.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.valora.billing.money.Money;
import io.valora.invoice.invoices.StoredInvoice;
import io.valora.invoice.invoices.StoredLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * The JSON form of an invoice. Amounts are exact decimal strings in the currency's major unit
 * ({@code "12.34"}) plus the integral minor units; never JSON floating-point numbers. (A wide
 * record on purpose: it is the flat wire shape, built in one place, {@link #of}.)
 *
 * @param id            deterministic invoice id
 * @param number        per-tenant sequential, gapless invoice number
 * @param customer      the customer's external id
 * @param subscription  the subscription billed (before the catalog: the customer's id)
 * @param periodStart   ISO-8601 instant, inclusive
 * @param periodEnd     ISO-8601 instant, exclusive
 * @param currency      ISO 4217 code
 * @param status        {@code draft}, {@code finalized}, {@code paid} or {@code void}
 * @param subtotal      this period's charges
 * @param total         all lines
 * @param subtotalMinor subtotal in minor units
 * @param totalMinor    total in minor units
 * @param lines         the lines, in order
 * @param lifecycle     when it was finalized, paid, voided, and the payment reference (absent ones omitted)
 */
public record InvoiceJson(String id, long number, String customer, String subscription, String periodStart, String periodEnd,
                          String currency, String status, String subtotal, String total, long subtotalMinor,
                          long totalMinor, List<LineJson> lines, LifecycleJson lifecycle) {

    /**
     * Times of the transitions so far, and the payment reference once paid.
     *
     * @param finalizedAt      ISO-8601 instant
     * @param paidAt           ISO-8601 instant
     * @param voidedAt         ISO-8601 instant
     * @param paymentReference opaque external payment reference
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LifecycleJson(String finalizedAt, String paidAt, String voidedAt, String paymentReference) {
    }

    /**
     * One invoice line.
     *
     * @param id          deterministic line id
     * @param kind        {@code USAGE}, {@code FLAT_FEE}, {@code ADJUSTMENT} or {@code MINIMUM_TOP_UP}
     * @param meter       the meter of a usage line
     * @param description text for the customer
     * @param quantity    exact quantity
     * @param unitPrice   exact unit price, or null
     * @param amount      exact amount in the major unit
     * @param amountMinor amount in minor units
     */
    public record LineJson(String id, String kind, String meter, String description, String quantity,
                           String unitPrice, String amount, long amountMinor) {
    }

    static InvoiceJson of(StoredInvoice invoice) {
        StoredInvoice.Header h = invoice.header();
        Currency currency = Money.currency(h.currency());
        List<LineJson> lines = invoice.lines().stream().map(line -> line(line, currency)).toList();
        StoredInvoice.Lifecycle l = invoice.lifecycle();
        LifecycleJson lifecycle = new LifecycleJson(l.finalizedAt().map(Instant::toString).orElse(null),
                l.paidAt().map(Instant::toString).orElse(null), l.voidedAt().map(Instant::toString).orElse(null),
                l.paymentReference().orElse(null));
        return new InvoiceJson(invoice.id(), l.number(), invoice.key().customer(), invoice.key().subscription(),
                invoice.key().periodStart().toString(), h.periodEnd().toString(), currency.getCurrencyCode(),
                h.status().code(), amount(h.subtotalMinor(), currency), amount(h.totalMinor(), currency),
                h.subtotalMinor(), h.totalMinor(), lines, lifecycle);
    }

    private static LineJson line(StoredLine line, Currency currency) {
        return new LineJson(line.id(), line.kind().name(), line.meter(), line.description(),
                plain(line.quantity()), plain(line.unitPrice()), amount(line.amountMinor(), currency),
                line.amountMinor());
    }

    private static String amount(long minorUnits, Currency currency) {
        return Money.ofMinorUnits(minorUnits, currency).amount().toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
