package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    private static final String DATA = """
            { "count": 3, "big": 123456789012345678901234567890, "long": 9007199254740993,
              "ratio": 2.50, "tiny": 1e-7, "exact": 0.1000000000000000055511151231257827,
              "flag": true, "off": false, "none": null,
              "text": "quote \\" backslash \\\\ tab \\t newline \\n ctrl \\u0001 é 日本 😀 </script>",
              "nested": { "list": [1, "two", [3.0, {"deep": []}], {}], "empty": "" } }""";

    @Test
    void writesTheSameTextAsJacksonsOwnToString() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(DATA);

        byte[] written = CompactJson.utf8(tree);

        assertThat(CompactJson.text(written)).isEqualTo(tree.toString());
        assertThat(written.length).isEqualTo(tree.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void keepsDecimalsExactWhenTheMapperReadsThemAsBigDecimal() throws Exception {
        JsonNode tree = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(DATA);

        String written = CompactJson.text(CompactJson.utf8(tree));

        assertThat(written).isEqualTo(tree.toString()).contains("\"exact\":0.1000000000000000055511151231257827");
    }
}
