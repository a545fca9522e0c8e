package io.valora.rating.topology;

import io.valora.billing.period.BillingCalendar;
import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.RatingPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What the foundation topology needs to know to rate usage: where the quantity sits in an event's
 * data, the one price model and its rounding, how time is cut into periods and how long event ids
 * are remembered. The catalog-driven release replaces this with meters and plans read from Kafka.
 *
 * @param quantityField name of the numeric field of {@code data} to sum
 * @param priceModel price of a period-to-date quantity
 * @param policy currency and rounding mode of the plan
 * @param calendar billing periods
 * @param dedupRetention how long an event id is remembered for de-duplication
 * @param grace how long after a period's end (in stream time) its usage is still accepted into
 *     the period; afterwards the period's charges are final and late usage becomes an adjustment
 */
public record RatingSettings(String quantityField, PriceModel priceModel, RatingPolicy policy,
        BillingCalendar calendar, Duration dedupRetention, Duration grace) {

    /** The grace of a deployment that does not choose one. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    /** Settings with the {@link #DEFAULT_GRACE}. */
    public RatingSettings(String quantityField, PriceModel priceModel, RatingPolicy policy,
            BillingCalendar calendar, Duration dedupRetention) {
        this(quantityField, priceModel, policy, calendar, dedupRetention, DEFAULT_GRACE);
    }

    public RatingSettings {
        Objects.requireNonNull(quantityField, "quantityField");
        Objects.requireNonNull(priceModel, "priceModel");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
        if (dedupRetention == null || dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new IllegalArgumentException("dedupRetention must be positive");
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive");
        }
        if (!priceModel.currency().equals(policy.currency())) {
            throw new IllegalArgumentException("the price model's currency differs from the plan's");
        }
    }
}
