package io.valora.rating.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator settings of the rating pipeline (see the module README for each knob). Meters, prices
 * and billing periods are not settings: they come from the catalog topics.
 */
@ConfigMapping(prefix = "valora")
public interface RatingConfig {

    /** Topic names. */
    TopicsConfig topics();

    /** Rating. */
    Rating rating();

    /** Topic naming. */
    interface TopicsConfig {
        /** Prefix of every topic name; none by default. */
        Optional<String> prefix();
    }

    /** De-duplication and finality. */
    interface Rating {
        /** How long event ids are remembered for de-duplication. */
        @WithDefault("P35D")
        Duration dedupRetention();

        /** How long after a period's end (event time) its usage still lands in it; then it is final. */
        @WithDefault("PT1H")
        Duration grace();

        /**
         * Also close a period once the wall clock passes its end + grace + this delay, so idle
         * partitions finalise their periods; {@code off} closes by event time only. Read with
         * {@link IdleCloseDelay#parse}: an empty value is not "off" (configuration treats it as
         * absent and the default would apply), so switching it off takes the explicit word.
         */
        @WithDefault("PT1H")
        String idleCloseDelay();

        /**
         * Coalesce charge updates: each changed charge is emitted once per interval with its
         * latest value; absent (empty) emits every update.
         */
        Optional<Duration> emitInterval();

        /**
         * Bound of one live query forwarded to another instance (connect and answer); a peer that
         * does not answer in time makes the query a 503, like a rebalance.
         */
        @WithDefault("2s")
        Duration queryForwardTimeout();
    }
}
