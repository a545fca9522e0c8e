package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Whole packages of {@code size} units at {@code price} each; a started package is charged whole. */
public record PackageRule(BigDecimal size, BigDecimal price) implements PriceRule {

    @Override
    public BigDecimal amount(BigDecimal quantity) {
        return quantity.divide(size, 0, RoundingMode.CEILING).multiply(price);
    }

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("kind", "package")
                .put("packageSize", size.toPlainString()).put("packagePrice", price.toPlainString());
    }
}
