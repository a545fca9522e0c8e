package io.valora.deploy.demo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One usage event of the sample workload.
 *
 * @param id event id (the de-duplication key)
 * @param customer the customer's external id
 * @param meter event type
 * @param time event time
 * @param value metered quantity
 */
public record UsageSample(String id, String customer, String meter, Instant time, BigDecimal value) {
}
