package io.valora.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineIdsTest {

    @Test
    void sameNaturalKeyGivesTheSameIdOnEveryJvm() {
        // Pinned value, checked independently (SHA-1 of namespace + length-prefixed UTF-8 parts). If this changes, every stored line would be duplicated on the next recomputation.
        assertThat(LineIds.of("tenant-1", "sub-42", "api-calls", "2024-05-01T00:00:00Z", "usage"))
                .isEqualTo("1e285bf1-d1c1-55fc-ae5d-d19d7d949521");
    }

    @Test
    void isANameBasedVersion5Uuid() {
        UUID id = UUID.fromString(LineIds.of("a"));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void isDeterministicAndSensitiveToEveryPart() {
        String id = LineIds.of("t", "s", "m", "p");

        assertThat(LineIds.of("t", "s", "m", "p")).isEqualTo(id);
        assertThat(LineIds.of("t", "s", "m", "q")).isNotEqualTo(id);
        assertThat(LineIds.of("s", "t", "m", "p")).isNotEqualTo(id);
        assertThat(LineIds.of("t", "s", "m", "p", "")).isNotEqualTo(id);
    }

    @Test
    void partBoundariesCannotBeForgedWithSeparators() {
        assertThat(LineIds.of("a|b", "c")).isNotEqualTo(LineIds.of("a", "b|c"));
        assertThat(LineIds.of("ab", "c")).isNotEqualTo(LineIds.of("a", "bc"));
        assertThat(LineIds.of("ab")).isNotEqualTo(LineIds.of("a", "b"));
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(LineIds::of).hasMessageContaining("at least one");
        assertThatThrownBy(() -> LineIds.of("a", null)).hasMessageContaining("part 1 is null");
    }
}
