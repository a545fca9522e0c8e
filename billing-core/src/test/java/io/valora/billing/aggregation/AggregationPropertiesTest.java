package io.valora.billing.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.money.Money;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.billing.pricing.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Property (a): any permutation and any split into partitions gives the same quantity and amount. */
class AggregationPropertiesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final Graduated PLAN = Graduated.of(
            Tier.upTo("10", Money.of("0.015", "USD")),
            Tier.upTo("100", Money.of("0.0125", "USD")),
            Tier.unbounded(Money.of("0.0000015", "USD")));
    private static final RatingPolicy POLICY = RatingPolicy.of(PLAN.currency());

    @Provide
    Arbitrary<Measurement> measurements() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 50).map(T0::plusSeconds);
        // Small unscaled values with scales 0..4 make numerically equal values of different scale (1, 1.0, 1.00).
        Arbitrary<BigDecimal> values = Combinators.combine(
                Arbitraries.longs().between(0, 2_000), Arbitraries.integers().between(0, 4)).as(BigDecimal::valueOf);
        Arbitrary<String> users = Arbitraries.strings().withCharRange('u', 'z').ofLength(2);
        return Combinators.combine(ids, times, values, users).as(Measurement::new);
    }

    @Property(tries = 300)
    void anyPermutationAndPartitioningGivesTheSameStateQuantityAndAmount(
            @ForAll @Size(max = 60) List<@From("measurements") Measurement> events,
            @ForAll @IntRange(min = 1, max = 6) int partitions,
            @ForAll Random random) {
        for (AggregationKind kind : AggregationKind.values()) {
            Aggregate<?> sequential = aggregate(kind, events);

            List<Measurement> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            List<List<Measurement>> parts = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                parts.add(new ArrayList<>());
            }
            for (Measurement event : shuffled) {
                parts.get(random.nextInt(partitions)).add(event);
            }
            List<Aggregate<?>> partial = new ArrayList<>();
            for (List<Measurement> part : parts) {
                partial.add(aggregate(kind, part));
            }
            Collections.shuffle(partial, random);
            Aggregate<?> merged = kind.empty();
            for (Aggregate<?> state : partial) {
                merged = Aggregate.mergeAny(merged, state);
            }

            assertThat(merged).as(kind.name()).isEqualTo(sequential);
            assertThat(merged.quantity()).as(kind.name()).isEqualTo(sequential.quantity());
            assertThat(POLICY.rate(PLAN, merged.quantity())).isEqualTo(POLICY.rate(PLAN, sequential.quantity()));
            assertThat(PLAN.price(merged.quantity())).isEqualTo(PLAN.price(sequential.quantity()));
        }
    }

    @Property(tries = 200)
    void mergeIsAssociativeAndCommutative(
            @ForAll @Size(max = 10) List<@From("measurements") Measurement> a,
            @ForAll @Size(max = 10) List<@From("measurements") Measurement> b,
            @ForAll @Size(max = 10) List<@From("measurements") Measurement> c) {
        for (AggregationKind kind : AggregationKind.values()) {
            Aggregate<?> x = aggregate(kind, a);
            Aggregate<?> y = aggregate(kind, b);
            Aggregate<?> z = aggregate(kind, c);

            assertThat(Aggregate.mergeAny(x, y)).isEqualTo(Aggregate.mergeAny(y, x));
            assertThat(Aggregate.mergeAny(Aggregate.mergeAny(x, y), z))
                    .isEqualTo(Aggregate.mergeAny(x, Aggregate.mergeAny(y, z)));
            assertThat(Aggregate.mergeAny(x, kind.empty())).isEqualTo(x);
        }
    }

    private static Aggregate<?> aggregate(AggregationKind kind, List<Measurement> events) {
        Aggregate<?> state = kind.empty();
        for (Measurement event : events) {
            state = state.add(event);
        }
        return state;
    }
}
