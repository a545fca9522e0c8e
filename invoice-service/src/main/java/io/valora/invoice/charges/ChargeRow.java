package io.valora.invoice.charges;

import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * One rated charge as the invoice service stores it: the period-to-date quantity and amount of
 * one meter of one subscription in one billing period.
 *
 * <p>Why it exists: the Avro record carries decimals as strings; this record is the validated,
 * typed form, so a malformed record is refused once at the edge ({@link #from(RatedCharge)})
 * and everything behind it can trust the values.
 *
 * @param key         the natural key (tenant, subscription, meter, period start)
 * @param customer    the customer's external id
 * @param periodEnd   end of the billing period, exclusive
 * @param quantity    exact period-to-date quantity
 * @param unitPrice   exact price per unit in the currency's major unit
 * @param amountMinor period-to-date amount in the currency's minor units, already rounded
 * @param currency    ISO 4217 code
 * @param eventCount  events aggregated so far
 * @param sequence    increases with every update of the key; the highest wins
 * @param isFinal     true once rating closed the period for usage
 */
public record ChargeRow(ChargeKey key, String customer, Instant periodEnd, BigDecimal quantity,
                        BigDecimal unitPrice, long amountMinor, String currency, long eventCount,
                        long sequence, boolean isFinal) {

    /** Checks presence of every field and that the currency is a real ISO 4217 code. */
    public ChargeRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency);
        if (!periodEnd.isAfter(key.periodStart())) {
            throw new IllegalArgumentException("period end " + periodEnd + " is not after its start " + key.periodStart());
        }
    }

    /**
     * Converts and validates a record from the {@code rated-charges} topic.
     *
     * @throws IllegalArgumentException when a field is missing or not a decimal / currency
     */
    public static ChargeRow from(RatedCharge charge) {
        ChargeKey key = new ChargeKey(str(charge.getTenant()), str(charge.getSubscription()),
                str(charge.getMeter()), charge.getPeriodStart());
        return new ChargeRow(key, str(charge.getCustomer()), charge.getPeriodEnd(),
                decimal("quantity", charge.getQuantity()), decimal("unitPrice", charge.getUnitPrice()),
                charge.getAmountMinor(), str(charge.getCurrency()), charge.getEventCount(),
                charge.getSequence(), charge.getFinal$());
    }

    private static String str(CharSequence value) {
        return value == null ? null : value.toString();
    }

    private static BigDecimal decimal(String field, CharSequence value) {
        try {
            return new BigDecimal(Objects.requireNonNull(value, field).toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not an exact decimal: '" + value + "'", e);
        }
    }
}
