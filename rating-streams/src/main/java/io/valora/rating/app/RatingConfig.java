package io.valora.rating.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator settings of the foundation rating pipeline (see the module README for each knob).
 * The catalog-driven release replaces the single price with plans read from Kafka.
 */
@ConfigMapping(prefix = "valora")
public interface RatingConfig {

    /** Topic names. */
    TopicsConfig topics();

    /** Rating. */
    Rating rating();

    /** Who may call the live queries. */
    Auth auth();

    /**
     * API keys of the live queries. For now only the development key (same knobs as the gateway);
     * keys from the {@code api-keys} topic are not read yet (see the README, "Not yet").
     */
    interface Auth {
        /** Accept the configured development key. */
        @WithDefault("true")
        boolean devKeyEnabled();

        /** The development key, sent as {@code Authorization: Bearer <key>}; only its hash is kept. */
        Optional<String> devKey();

        /** The tenant the development key acts for. */
        @WithDefault("demo")
        String devTenant();
    }

    /** Topic naming. */
    interface TopicsConfig {
        /** Prefix of every topic name; none by default. */
        Optional<String> prefix();
    }

    /** Metering and pricing of the one implicit meter per event type. */
    interface Rating {
        /** The numeric field of {@code data} that is summed. */
        @WithDefault("value")
        String quantityField();

        /** Price per unit, exact decimal in the currency's major unit. */
        @WithDefault("0.01")
        BigDecimal unitPrice();

        /** ISO 4217 code. */
        @WithDefault("USD")
        String currency();

        /** Rounding of the period's amount to minor units. */
        @WithDefault("HALF_UP")
        RoundingMode rounding();

        /** How long event ids are remembered for de-duplication. */
        @WithDefault("P35D")
        Duration dedupRetention();

        /** How long after a period's end (event time) its usage still lands in it; then it is final. */
        @WithDefault("PT1H")
        Duration grace();
    }
}
