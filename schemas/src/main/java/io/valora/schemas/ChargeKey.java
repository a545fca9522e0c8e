package io.valora.schemas;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The key of a {@link Topics#ratedCharges()} record:
 * {@code tenant/subscription/meter/<group or ->/plan@version/<periodStartMillis>}, with
 * {@code /adjustment-of/<latePeriodStartMillis>} appended for an adjustment billed on that period.
 *
 * <p>Why it exists: rating-streams writes this key (and keys its period state with it), and
 * invoice-service stores it as the charge's identity, building it itself for a record that arrives
 * without one. A single differing byte would orphan state or bill a charge twice, so the format is
 * written here once and both use it.
 *
 * <p>Parts never contain {@code /} in practice: tenants, meter and plan keys are checked by the
 * catalog, subscription ids are generated, and groups are URL-encoded by rating. {@link #parse}
 * relies on that and refuses any text that does not split into exactly these parts, rather than
 * guess where a part containing {@code /} ends. Instants are written in whole milliseconds (as
 * the record's {@code timestamp-millis} fields carry them).
 *
 * @param tenant       the tenant
 * @param subscription the catalog subscription id
 * @param meter        the meter key
 * @param group        canonical group-by values, or {@code null} (written {@value #NO_GROUP})
 * @param plan         the plan key priced with, or {@code null} in a record from before the catalog
 * @param planVersion  that plan's version, or {@code null} with the plan (both are then written {@code null})
 * @param periodStart  start of the period the charge is billed on
 * @param adjustmentOf start of the earlier, already final period whose late usage this charge bills, or {@code null}
 */
public record ChargeKey(String tenant, String subscription, String meter, String group, String plan, Integer planVersion,
                        Instant periodStart, Instant adjustmentOf) {

    /** Stands for "no group" in the key; a canonical group always holds {@code key=value}, so it is never this. */
    public static final String NO_GROUP = "-";
    /** The segment that introduces the late period an adjustment corrects. */
    public static final String ADJUSTMENT_OF = "adjustment-of";
    /** How an absent plan phase is written, as {@code String.valueOf(null)} always wrote it. */
    private static final String ABSENT = "null";
    private static final char SEPARATOR = '/';
    private static final char VERSION = '@';
    private static final int PERIOD_PARTS = 6;
    private static final int ADJUSTMENT_PARTS = 8;

    /** Checks the parts every key has. */
    public ChargeKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** The key of {@code charge}, as rating wrote it for that record. */
    public static ChargeKey of(RatedCharge charge) {
        return new ChargeKey(charge.getTenant(), charge.getSubscription(), charge.getMeter(), charge.getGroup(),
                charge.getPlan(), charge.getPlanVersion(), charge.getPeriodStart(), charge.getAdjustmentOf());
    }

    /** What the keys of all charges of one subscription start with: a prefix scan finds them all. */
    public static String subscriptionPrefix(String tenant, String subscription) {
        return tenant + SEPARATOR + subscription + SEPARATOR;
    }

    /** The key text, byte for byte what goes on the topic. */
    public String text() {
        StringBuilder key = new StringBuilder(96)
                .append(tenant).append(SEPARATOR)
                .append(subscription).append(SEPARATOR)
                .append(meter).append(SEPARATOR)
                .append(group == null ? NO_GROUP : group).append(SEPARATOR)
                .append(plan).append(VERSION).append(planVersion).append(SEPARATOR)
                .append(periodStart.toEpochMilli());
        if (adjustmentOf != null) {
            key.append(SEPARATOR).append(ADJUSTMENT_OF).append(SEPARATOR).append(adjustmentOf.toEpochMilli());
        }
        return key.toString();
    }

    /**
     * The parts of a key written by {@link #text()} from parts without {@code /}.
     *
     * @throws IllegalArgumentException when {@code key} does not have exactly that shape
     */
    public static ChargeKey parse(String key) {
        String[] parts = key.split(String.valueOf(SEPARATOR), -1);
        boolean adjustment = parts.length == ADJUSTMENT_PARTS && ADJUSTMENT_OF.equals(parts[PERIOD_PARTS]);
        if (parts.length != PERIOD_PARTS && !adjustment) {
            throw new IllegalArgumentException("not a rated-charge key: '" + key + "'");
        }
        String label = parts[4];
        int at = label.lastIndexOf(VERSION);
        if (at < 0) {
            throw new IllegalArgumentException("no plan@version in rated-charge key '" + key + "'");
        }
        boolean absentPlan = label.equals(ABSENT + VERSION + ABSENT);
        return new ChargeKey(parts[0], parts[1], parts[2], NO_GROUP.equals(parts[3]) ? null : parts[3],
                absentPlan ? null : label.substring(0, at),
                absentPlan ? null : number(key, label.substring(at + 1), Integer::valueOf),
                Instant.ofEpochMilli(number(key, parts[5], Long::valueOf)),
                adjustment ? Instant.ofEpochMilli(number(key, parts[7], Long::valueOf)) : null);
    }

    private static <T> T number(String key, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number in rated-charge key '" + key + "'", e);
        }
    }
}
