package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.valora.billing.carddata.CardNumberDetector;
import java.io.IOException;

/**
 * The card-number checks of {@link StreamingCloudEvents} on Jackson tokens, scanning what
 * {@link CardDataScanner} scans on a tree, the same way: the streaming path may only accept what the
 * tree path accepts.
 */
final class StreamingCardScan {

    private StreamingCardScan() {
    }

    /** Skips a value of an attribute the gateway does not use; false if it holds card data. */
    static boolean skipScanning(JsonParser parser, JsonToken value) throws IOException {
        int depth = 0;
        JsonToken token = value;
        while (true) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME, VALUE_STRING -> {
                    if (CardNumberDetector.containsCardNumber(parser.getText())) {
                        return false;
                    }
                }
                case VALUE_NUMBER_INT -> {
                    if (!integerIsClean(parser)) {
                        return false;
                    }
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (CardNumberDetector.numberIsCard(parser.getDecimalValue())) {
                        return false;
                    }
                }
                default -> {
                }
            }
            if (depth == 0) {
                return true;
            }
            token = parser.nextToken();
        }
    }

    /** Whether an integer token holds no card number, as {@link CardDataScanner} scans it. */
    static boolean integerIsClean(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> true; // at most 10 digits
            case LONG -> !CardNumberDetector.containsCardNumber(Long.toString(parser.getLongValue()));
            default -> !CardNumberDetector.containsCardNumber(parser.getBigIntegerValue().toString());
        };
    }
}
