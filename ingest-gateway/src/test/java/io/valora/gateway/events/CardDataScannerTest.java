package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardDataScannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"id":"4111111111111111","data":{}}                          | id
            {"subject":"cust 4111-1111-1111-1111","data":{}}             | subject
            {"source":"s","type":"t","data":{"note":"4111 1111 1111 1111"}}   | data
            {"data":{"nested":{"deeper":["x","5555555555554444"]}}}      | data
            {"data":{"4111111111111111":1}}                              | data
            {"data":{"pan":4111111111111111}}                            | data
            {"ext":"6011111111111117","data":{}}                         | ext
            {"4111111111111111":"x","data":{}}                           | (an attribute name)
            """)
    void findsCardNumbersAnywhereAndNamesOnlyTheTopLevelField(String event, String field) throws Exception {
        assertThat(CardDataScanner.attributesWithCardData(JSON.readTree(event))).containsExactly(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id":"4111111111111112","data":{"value":4111111111111112}}
            {"id":"e-1","subject":"cust-1","data":{"value":2.5,"at":"2026-11-24T10:15:30Z"}}
            {"data":{"value":4111111111111111.5}}
            """)
    void passesEventsWithoutCardNumbers(String event) throws Exception {
        JsonNode node = JSON.readTree(event);
        assertThat(CardDataScanner.attributesWithCardData(node)).isEmpty();
    }
}
