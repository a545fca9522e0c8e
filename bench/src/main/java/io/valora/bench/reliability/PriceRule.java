package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The harness's own pricing arithmetic: how much a period-to-date quantity costs under one plan's model for one
 * meter. Written here with plain {@link BigDecimal} and deliberately not taken from billing-core, so the ground
 * truth cannot inherit a defect of the rating code it is meant to check.
 */
public sealed interface PriceRule permits PerUnitRule, GraduatedRule, PackageRule {

    /** Exact amount in major units, not rounded. */
    BigDecimal amount(BigDecimal quantity);

    /** The model as the catalog REST API takes it ({@code "model"} of a usage charge). */
    ObjectNode toJson();

    /** The amount rounded once, half-up, to cents. */
    default long minor(BigDecimal quantity) {
        return amount(quantity).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }
}
