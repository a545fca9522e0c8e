package io.valora.gateway.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void decodesEscapesPlusAndRepeatedNames() {
        Map<String, List<String>> form = decode("a=1&payload%5Bk%5D=caf%C3%A9+%F0%9F%98%80&a=2&flag&&empty=");
        assertThat(form).containsExactly(Map.entry("a", List.of("1", "2")), Map.entry("payload[k]", List.of("café 😀")),
                Map.entry("flag", List.of("")), Map.entry("empty", List.of("")));
        assertThat(decode("")).isEmpty();
    }

    @Test
    void refusesEscapesThatAreNotUtf8NamingTheFieldButNotTheValue() {
        for (String escape : List.of("%C3%28", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82")) {
            assertThatThrownBy(() -> decode("identifier=x" + escape)).hasMessage("identifier: not valid UTF-8");
            assertThatThrownBy(() -> decode("n" + escape + "=1")).hasMessage("body: a field name: not valid UTF-8");
        }
    }

    @Test
    void refusesCutShortOrNonHexEscapes() {
        for (String bad : List.of("v=%", "v=%4", "v=%G1", "v=%4x", "v=ab%")) {
            assertThatThrownBy(() -> decode(bad)).as(bad).hasMessage("v: malformed percent escape");
        }
    }

    private static Map<String, List<String>> decode(String body) {
        return FormBody.decode(body.getBytes(StandardCharsets.US_ASCII));
    }
}
