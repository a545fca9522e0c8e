package io.valora.billing.period;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How long a billing period is, in local calendar terms.
 *
 * <p>Why it exists: a month is not a fixed number of seconds. Period boundaries are computed
 * as {@code anchor + k × cadence} on the local calendar, always from the anchor (never from the
 * previous boundary), so an anchor on the 31st clamps to the 30th or 28th/29th and returns to
 * the 31st in longer months, and a yearly anchor on Feb 29 returns to Feb 29 in leap years.
 */
public enum Cadence {
    /** One local calendar day (23, 24 or 25 hours around DST changes). */
    DAILY,
    /** Seven local calendar days. */
    WEEKLY,
    /** One calendar month. */
    MONTHLY,
    /** One calendar year. */
    YEARLY;

    /** The {@code k}-th boundary after (or, for negative {@code k}, before) the anchor. */
    LocalDateTime boundary(LocalDateTime anchor, long k) {
        return switch (this) {
            case DAILY -> anchor.plusDays(k);
            case WEEKLY -> anchor.plusWeeks(k);
            case MONTHLY -> anchor.plusMonths(k);
            case YEARLY -> anchor.plusYears(k);
        };
    }

    /** A close guess of the index of the period that holds {@code local}; callers correct it. */
    long estimateIndex(LocalDateTime anchor, LocalDateTime local) {
        return switch (this) {
            case DAILY -> ChronoUnit.DAYS.between(anchor.toLocalDate(), local.toLocalDate());
            case WEEKLY -> Math.floorDiv(ChronoUnit.DAYS.between(anchor.toLocalDate(), local.toLocalDate()), 7);
            case MONTHLY -> (local.getYear() * 12L + local.getMonthValue())
                    - (anchor.getYear() * 12L + anchor.getMonthValue());
            case YEARLY -> (long) local.getYear() - anchor.getYear();
        };
    }
}
