package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Two tiers: units up to {@code firstTierUpTo} at {@code firstPrice}, every unit above at {@code abovePrice}
 * (each unit priced by the tier it falls in).
 */
public record GraduatedRule(BigDecimal firstTierUpTo, BigDecimal firstPrice, BigDecimal abovePrice) implements PriceRule {

    @Override
    public BigDecimal amount(BigDecimal quantity) {
        BigDecimal inFirst = quantity.min(firstTierUpTo);
        BigDecimal above = quantity.subtract(firstTierUpTo).max(BigDecimal.ZERO);
        return inFirst.multiply(firstPrice).add(above.multiply(abovePrice));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode model = JsonNodeFactory.instance.objectNode().put("kind", "graduated");
        ArrayNode tiers = model.putArray("tiers");
        tiers.addObject().put("upTo", firstTierUpTo.toPlainString()).put("unitPrice", firstPrice.toPlainString());
        tiers.addObject().putNull("upTo").put("unitPrice", abovePrice.toPlainString());
        return model;
    }
}
