package io.valora.invoice.subscriptions;

import io.valora.invoice.outbox.OutboxMessage;
import io.valora.schemas.Subscription;
import io.valora.schemas.SubscriptionPhase;
import io.valora.schemas.codec.RecordSerde;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Avro {@link Subscription} of a stored subscription, whole, as an outbox message for the
 * compacted subscriptions topic (key {@code tenant/id}).
 *
 * <p>Why it exists: rating-streams picks the phase in force at each event's time from this record,
 * without calling this service; every change publishes the whole record, so the latest one per
 * key is the subscription.
 */
public final class SubscriptionRecords {

    private static final Serializer<Subscription> SERIALIZER = RecordSerde.singleObject(Subscription.class).serializer();

    private SubscriptionRecords() {
    }

    /** The record of {@code s} with its status at {@code now}. */
    public static Subscription of(StoredSubscription s, Instant now) {
        return Subscription.newBuilder()
                .setTenant(s.tenant())
                .setId(s.id())
                .setExternalId(s.externalId().orElse(null))
                .setCustomer(s.customer())
                .setTimeZone(s.timeZone().getId())
                .setCadence(s.cadence().name())
                .setAnchor(s.anchor().toString())
                .setStartAt(millis(s.startAt()))
                .setEndAt(s.endAt().map(SubscriptionRecords::millis).orElse(null))
                .setTrialEndAt(s.trialEndAt().map(SubscriptionRecords::millis).orElse(null))
                .setPhases(s.phases().stream().map(p -> SubscriptionPhase.newBuilder()
                        .setPlan(p.plan()).setPlanVersion(p.planVersion()).setFrom(millis(p.from()))
                        .setUntil(p.until().map(SubscriptionRecords::millis).orElse(null)).build()).toList())
                .setStatus(s.status(now).code())
                .setUpdatedAt(millis(s.updatedAt()))
                .build();
    }

    /** The outbox message publishing {@code s} on {@code topic}. */
    public static OutboxMessage message(String topic, StoredSubscription s, Instant now) {
        return new OutboxMessage(s.tenant(), topic, s.tenant() + "/" + s.id(), SERIALIZER.serialize(topic, of(s, now)));
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }
}
