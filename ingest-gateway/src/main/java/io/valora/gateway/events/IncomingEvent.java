package io.valora.gateway.events;

import java.time.Instant;

/**
 * One usage event that passed validation, before it gets its tenant and becomes a
 * {@link io.valora.schemas.UsageEvent}. Fields follow CloudEvents 1.0.
 *
 * @param id de-duplication key within the tenant
 * @param source producer of the event
 * @param type what happened; meters match on it
 * @param subject the customer's external id
 * @param time event time (receipt time when absent)
 * @param dataJson the {@code data} object, re-serialised as compact JSON
 */
public record IncomingEvent(String id, String source, String type, String subject, Instant time, String dataJson) {
}
