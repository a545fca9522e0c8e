package io.valora.bench;

import io.valora.billing.money.Money;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.billing.pricing.Tier;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One re-pricing of a graduated 5-tier plan, as the rating stream does at every usage update.
 *
 * <p>Why it exists: re-pricing the period-to-date total at every event is only affordable if
 * one re-pricing is well under a microsecond. Quantities cycle through all five tiers (and
 * fractional values) so that no single branch is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RepricingBenchmark {

    private Graduated plan;
    private RatingPolicy policy;
    private BigDecimal[] quantities;
    private int next;

    /** A 5-tier token plan with sub-cent prices and one tier flat fee. */
    @Setup
    public void setUp() {
        plan = Graduated.of(
                Tier.upTo("1000", Money.of("0.0020", "USD"), Money.of("1.00", "USD")),
                Tier.upTo("10000", Money.of("0.0015", "USD")),
                Tier.upTo("100000", Money.of("0.0010", "USD")),
                Tier.upTo("1000000", Money.of("0.0005", "USD")),
                Tier.unbounded(Money.of("0.0000015", "USD")));
        policy = RatingPolicy.of(plan.currency());
        String[] texts = {"12", "999.5", "1000", "4321.25", "55555", "99999.999", "654321", "1000001", "73000000",
                "123456789.125", "7", "250000"};
        quantities = new BigDecimal[texts.length];
        for (int i = 0; i < texts.length; i++) {
            quantities[i] = new BigDecimal(texts[i]);
        }
    }

    private BigDecimal nextQuantity() {
        next = next + 1 == quantities.length ? 0 : next + 1;
        return quantities[next];
    }

    /** Exact price of the period-to-date quantity. */
    @Benchmark
    public Money graduated5TierPrice() {
        return plan.price(nextQuantity());
    }

    /** Exact price then rounded to minor units with the plan's mode: what a rated charge carries. */
    @Benchmark
    public Money graduated5TierRate() {
        return policy.rate(plan, nextQuantity());
    }
}
