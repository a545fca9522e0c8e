package io.valora.rating.query;

import java.time.Instant;

/** Usage of one meter in {@code [start, start + granularity)}, as an exact decimal string. */
public record UsageBucket(Instant start, String quantity) {
}
