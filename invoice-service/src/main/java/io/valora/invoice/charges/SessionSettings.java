package io.valora.invoice.charges;

import java.time.Duration;

/**
 * The timings of one consumer session.
 *
 * <p>Why it exists: the session's waits are what decide how it rides out an outage; naming them
 * keeps the session's constructor short and lets tests shorten them.
 *
 * @param topic         the topic to read
 * @param retryPause    wait before retrying a batch whose storing or dead-lettering failed
 * @param commitTimeout longest wait for one offset commit; on timeout the offsets stay pending and are committed later
 * @param skewRetry     how often a partition blocked at a record of an unknown schema is tried again
 */
public record SessionSettings(String topic, Duration retryPause, Duration commitTimeout, Duration skewRetry) {
}
