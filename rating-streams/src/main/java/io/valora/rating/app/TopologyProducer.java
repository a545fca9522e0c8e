package io.valora.rating.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.model.RejectReason;
import io.valora.rating.topology.RatingTopology;
import io.valora.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Properties;
import org.apache.kafka.streams.Topology;

/**
 * Hands the plain-Java {@link RatingTopology} to Quarkus, with settings from configuration, the
 * topology's counters bound to Micrometer ({@code /q/metrics}) and the catalog's dead letters to
 * {@link CatalogDeadLetterProducer}.
 */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(RatingConfig config, MeterRegistry registry, CatalogDeadLetterProducer catalogDeadLetters) {
        RatingConfig.Rating rating = config.rating();
        RatingSettings settings = new RatingSettings(rating.dedupRetention(), rating.grace(), IdleCloseDelay.parse(rating.idleCloseDelay()).orElse(null),
                rating.emitInterval().orElse(null));
        return RatingTopology.build(new Topics(config.topics().prefix().orElse("")), settings,
                micrometer(registry), new Properties(), catalogDeadLetters);
    }

    private static RatingMetrics micrometer(MeterRegistry registry) {
        Counter duplicates = Counter.builder("valora.rating.duplicates")
                .description("Usage events dropped because their (tenant, id) was already seen").register(registry);
        Counter late = Counter.builder("valora.rating.late.adjusted")
                .description("Usage events that arrived after their period was final and became adjustments").register(registry);
        Counter finalized = Counter.builder("valora.rating.charges.finalized")
                .description("Charges emitted final after their period's end plus the grace").register(registry);
        return new RatingMetrics() {
            @Override
            public void duplicateDropped() {
                duplicates.increment();
            }

            @Override
            public void eventRejected(RejectReason reason) {
                Counter.builder("valora.rating.rejected").tag("reason", reason.code())
                        .description("Usage events sent to the rejected topic, by reason").register(registry).increment();
            }

            @Override
            public void lateEventAdjusted() {
                late.increment();
            }

            @Override
            public void chargeFinalized() {
                finalized.increment();
            }

            @Override
            public void deadLettered(String stage) {
                Counter.builder("valora.rating.dead.letters").tag("stage", stage)
                        .description("Records sent to the dead-letter topic, by the step that failed on them")
                        .register(registry).increment();
            }
        };
    }
}
