package io.valora.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.billing.carddata.CardNumberDetector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Looks for card numbers anywhere in one event: attribute values, and inside {@code data} every
 * key and every value at any depth (strings, and integers, which a PAN sent as a JSON number
 * would be). Reports only the top-level attribute names that carry one, so an error message can
 * point at the field without ever echoing the number or a nested key that contains it.
 */
public final class CardDataScanner {

    private CardDataScanner() {
    }

    /** Top-level attributes of {@code event} that contain what looks like a card number, in order. */
    public static List<String> attributesWithCardData(JsonNode event) {
        List<String> found = new ArrayList<>();
        if (event == null) {
            return found;
        }
        if (!event.isObject()) {
            if (containsCard(event)) {
                found.add("event");
            }
            return found;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (CardNumberDetector.containsCardNumber(field.getKey())) {
                found.add("(an attribute name)");
            } else if (containsCard(field.getValue())) {
                found.add(field.getKey());
            }
        }
        return found;
    }

    /** Whether any key or scalar value in the tree looks like a card number. */
    static boolean containsCard(JsonNode node) {
        if (node.isTextual()) {
            return CardNumberDetector.containsCardNumber(node.textValue());
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return false; // at most 10 digits, a card number has 13 or more
            }
            return CardNumberDetector.containsCardNumber(node.canConvertToLong()
                    ? Long.toString(node.longValue()) : node.bigIntegerValue().toString());
        }
        if (node.isFloatingPointNumber()) {
            // A card written as a JSON float (4111111111111111.0, 4.111111111111111e15) is a card too.
            return Double.isFinite(node.doubleValue()) && Math.abs(node.doubleValue()) >= 1e12
                    && CardNumberDetector.numberIsCard(node.decimalValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (CardNumberDetector.containsCardNumber(field.getKey()) || containsCard(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsCard(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
