package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Every unit at the same price. */
public record PerUnitRule(BigDecimal unitPrice) implements PriceRule {

    @Override
    public BigDecimal amount(BigDecimal quantity) {
        return quantity.multiply(unitPrice);
    }

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("kind", "per_unit").put("unitPrice", unitPrice.toPlainString());
    }
}
