package io.valora.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.FreeAllowance;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.MinimumSpend;
import io.valora.billing.pricing.PerPackage;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.Tier;
import io.valora.billing.pricing.Volume;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.PriceTierSpec;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PriceModelSpecsTest {

    private static final Currency USD = Currency.getInstance("USD");

    static Stream<PriceModel> models() {
        return Stream.of(
                new PerUnit(Money.of("0.01", "USD")),
                new PerPackage(Money.of("5.00", "USD"), new BigDecimal("1000")),
                Graduated.of(Tier.upTo("100", Money.of("0.10", "USD")), Tier.unbounded(Money.of("0.05", "USD"), Money.of("1.00", "USD"))),
                Volume.of(Tier.upTo("10", Money.of("2", "USD")), Tier.unbounded(Money.of("1.5", "USD"))),
                new FlatFee(Money.of("49.00", "USD")),
                new FreeAllowance(new BigDecimal("1000"), new PerUnit(Money.of("0.002", "USD"))),
                new MinimumSpend(Money.of("10.00", "USD"), new FreeAllowance(new BigDecimal("5"), new PerUnit(Money.of("1", "USD")))));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelSurvivesTheTripThroughItsSpec(PriceModel model) {
        PriceModel back = PriceModelSpecs.toModel(PriceModelSpecs.toSpec(model), USD);

        assertThat(back).isEqualTo(model);
        assertThat(back.price(new BigDecimal("1234.5"))).isEqualTo(model.price(new BigDecimal("1234.5")));
    }

    @Test
    void aGraduatedSpecPricesAcrossItsTiers() {
        PriceModelSpec spec = PriceModelSpec.newBuilder().setKind("graduated").setTiers(List.of(
                PriceTierSpec.newBuilder().setUpTo("100").setUnitPrice("0.10").build(),
                PriceTierSpec.newBuilder().setUnitPrice("0.05").build())).build();

        // 100 × 0.10 + 50 × 0.05
        assertThat(PriceModelSpecs.toModel(spec, USD).price(new BigDecimal("150")).amount())
                .isEqualByComparingTo("12.50");
    }

    @Test
    void badSpecsNameTheField() {
        assertThatThrownBy(() -> PriceModelSpecs.toModel(PriceModelSpec.newBuilder().setKind("per_unit").build(), USD))
                .hasMessageContaining("unitPrice is required");
        assertThatThrownBy(() -> PriceModelSpecs.toModel(PriceModelSpec.newBuilder().setKind("per_unit").setUnitPrice("ten").build(), USD))
                .hasMessageContaining("unitPrice must be an exact decimal");
        assertThatThrownBy(() -> PriceModelSpecs.toModel(PriceModelSpec.newBuilder().setKind("tiered").build(), USD))
                .hasMessageContaining("kind must be one of");
        assertThatThrownBy(() -> PriceModelSpecs.toModel(PriceModelSpec.newBuilder().setKind("volume").build(), USD))
                .hasMessageContaining("tiers must not be empty");
    }
}
