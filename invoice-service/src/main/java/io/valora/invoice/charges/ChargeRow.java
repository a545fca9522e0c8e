package io.valora.invoice.charges;

import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * One rated charge as the invoice service stores it: the period-to-date quantity and amount of one
 * meter (and group, and plan phase) of one subscription, billed on one period — or, when
 * {@code adjustmentOf} is set, late usage of an earlier, already final period billed on this one.
 *
 * <p>Why it exists: the Avro record carries decimals as strings; this record is the validated,
 * typed form, so a malformed record is refused once at the edge ({@link #from(String, RatedCharge)})
 * and everything behind it can trust the values.
 *
 * @param chargeKey    the Kafka key: an opaque id, unique per charge within the tenant
 * @param tenant       the tenant
 * @param subscription the subscription it is billed under
 * @param customer     the customer's external id
 * @param meter        the meter key
 * @param group        canonical group-by values, or null
 * @param plan         plan key it was priced with, or null (before the catalog)
 * @param planVersion  that plan's version, or null
 * @param periodStart  start of the period it is billed on, inclusive
 * @param periodEnd    end of that period, exclusive
 * @param adjustmentOf start of the earlier period the late usage belonged to, or null
 * @param quantity     exact quantity
 * @param unitPrice    informational unit price in the major unit, or null when rating sent none
 * @param amountMinor  amount in the currency's minor units, already rounded
 * @param currency     ISO 4217 code
 * @param eventCount   events aggregated so far
 * @param sequence     increases with every update of the key; the highest wins
 * @param isFinal      true once rating closed the period for usage
 */
public record ChargeRow(String chargeKey, String tenant, String subscription, String customer, String meter, String group,
                        String plan, Integer planVersion, Instant periodStart, Instant periodEnd, Instant adjustmentOf,
                        BigDecimal quantity, BigDecimal unitPrice, long amountMinor, String currency, long eventCount,
                        long sequence, boolean isFinal) {

    /** Checks presence of the required fields and that the currency is a real ISO 4217 code. */
    public ChargeRow {
        Objects.requireNonNull(chargeKey, "chargeKey");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency);
        if (!periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("period end " + periodEnd + " is not after its start " + periodStart);
        }
    }

    /** True for late usage of an earlier period. */
    public boolean isAdjustment() {
        return adjustmentOf != null;
    }

    /**
     * Converts and validates a record from the {@code rated-charges} topic.
     *
     * @param kafkaKey the record's key; when absent, the {@link ChargeKey} rating would have written
     * @throws IllegalArgumentException when a field is missing or not a decimal / currency
     */
    public static ChargeRow from(String kafkaKey, RatedCharge c) {
        String key = kafkaKey != null && !kafkaKey.isEmpty() ? kafkaKey : ChargeKey.of(c).text();
        String unitPrice = c.getUnitPrice() == null ? "" : c.getUnitPrice().strip();
        return new ChargeRow(key, c.getTenant(), c.getSubscription(), c.getCustomer(), c.getMeter(), c.getGroup(), c.getPlan(),
                c.getPlanVersion(), c.getPeriodStart(), c.getPeriodEnd(), c.getAdjustmentOf(), decimal("quantity", c.getQuantity()),
                unitPrice.isEmpty() ? null : decimal("unitPrice", unitPrice), c.getAmountMinor(), c.getCurrency(),
                c.getEventCount(), c.getSequence(), c.getFinal$());
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            return new BigDecimal(Objects.requireNonNull(value, field));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not an exact decimal: '" + value + "'", e);
        }
    }
}
