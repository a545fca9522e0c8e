package io.valora.billing.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregationsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    /** Events "id@secondsAfterT0=value" separated by spaces. */
    private static List<Measurement> events(String spec) {
        List<Measurement> events = new ArrayList<>();
        if (spec.isBlank()) {
            return events;
        }
        for (String token : spec.trim().split("\\s+")) {
            String[] idRest = token.split("@");
            String[] timeValue = idRest[1].split("=");
            events.add(Measurement.of(idRest[0], T0.plusSeconds(Long.parseLong(timeValue[0])),
                    new BigDecimal(timeValue[1])));
        }
        return events;
    }

    private static Aggregate<?> aggregate(AggregationKind kind, List<Measurement> events) {
        Aggregate<?> state = kind.empty();
        for (Measurement event : events) {
            state = state.add(event);
        }
        return state;
    }

    @ParameterizedTest(name = "{0} of [{1}] is {2}")
    @CsvSource({
            "SUM,          '',                                 0",
            "SUM,          a@0=1.5 b@1=2.25 c@2=0,             3.75",
            "SUM,          a@0=1000000000000000000 b@1=1,      1000000000000000001",
            "COUNT,        '',                                 0",
            "COUNT,        a@0=1.5 b@1=2.25 c@2=0,             3",
            "MAX,          '',                                 0",
            "MAX,          a@0=1.5 b@1=7 c@2=2,                7",
            "MIN,          '',                                 0",
            "MIN,          a@0=1.5 b@1=7 c@2=2,                1.5",
            "LATEST,       '',                                 0",
            "LATEST,       a@5=1 b@9=4 c@2=8,                  4",
            "LATEST,       a@9=1 c@9=4 b@9=8,                  4",
            "UNIQUE_COUNT, '',                                 0",
            "UNIQUE_COUNT, a@0=1 b@1=2 c@2=1 d@3=1.0,          2",
    })
    void aggregatesTheEventsOfAPeriod(AggregationKind kind, String spec, String expected) {
        assertThat(aggregate(kind, events(spec)).quantity()).isEqualByComparingTo(expected);
    }

    @Test
    void latestIsByEventTimeNotArrival() {
        Latest state = new Latest(Optional.empty())
                .add(Measurement.of("late-arrival", T0.plusSeconds(10), BigDecimal.TEN))
                .add(Measurement.of("early-event", T0, BigDecimal.ONE));

        assertThat(state.quantity()).isEqualByComparingTo("10");
    }

    @Test
    void latestBreaksTimeTiesByEventIdWhateverTheArrivalOrder() {
        Measurement a = Measurement.of("evt-a", T0, new BigDecimal("1"));
        Measurement b = Measurement.of("evt-b", T0, new BigDecimal("2"));

        Latest ab = new Latest(Optional.empty()).add(a).add(b);
        Latest ba = new Latest(Optional.empty()).add(b).add(a);

        assertThat(ab).isEqualTo(ba);
        assertThat(ab.quantity()).isEqualByComparingTo("2");
    }

    @Test
    void maxAndMinPickTheSameScaleWhateverTheOrder() {
        Measurement shortScale = Measurement.of("a", T0, new BigDecimal("2.0"));
        Measurement longScale = Measurement.of("b", T0, new BigDecimal("2.00"));

        Max max1 = new Max(Optional.empty()).add(shortScale).add(longScale);
        Max max2 = new Max(Optional.empty()).add(longScale).add(shortScale);
        Min min1 = new Min(Optional.empty()).add(shortScale).add(longScale);
        Min min2 = new Min(Optional.empty()).add(longScale).add(shortScale);

        assertThat(max1).isEqualTo(max2);
        assertThat(min1).isEqualTo(min2);
        assertThat(max1.quantity().scale()).isNotEqualTo(min1.quantity().scale());
    }

    @Test
    void uniqueCountCountsDistinctValuesNotEvents() {
        UniqueCount users = new UniqueCount(java.util.Set.of())
                .add(Measurement.ofDistinct("e1", T0, "user-1"))
                .add(Measurement.ofDistinct("e2", T0, "user-2"))
                .add(Measurement.ofDistinct("e3", T0, "user-1"));

        assertThat(users.quantity()).isEqualByComparingTo("2");
        assertThat(users.values()).containsExactlyInAnyOrder("user-1", "user-2");
    }

    @Test
    void mergeAnyRefusesDifferentKinds() {
        assertThatThrownBy(() -> Aggregate.mergeAny(Sum.EMPTY, Count.EMPTY))
                .hasMessageContaining("cannot merge SUM with COUNT");
        assertThat(Aggregate.mergeAny(new Sum(BigDecimal.ONE), new Sum(BigDecimal.TEN)).quantity())
                .isEqualByComparingTo("11");
    }

    @Test
    void measurementsAreValidatedAtConstruction() {
        assertThatThrownBy(() -> Measurement.of("x", T0, new BigDecimal("-1")))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new Count(-1)).hasMessageContaining("must not be negative");
    }
}
