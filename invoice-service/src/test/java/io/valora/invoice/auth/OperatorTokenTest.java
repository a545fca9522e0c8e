package io.valora.invoice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorTokenTest {

    @Test
    void acceptsOnlyTheConfiguredToken() {
        OperatorToken token = new OperatorToken(Optional.of("s3cret-operator"), Optional.empty());
        assertThat(token.matches("s3cret-operator")).isTrue();
        assertThat(token.matches("s3cret-operator ")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void acceptsATokenConfiguredOnlyByItsHash() {
        OperatorToken token = new OperatorToken(Optional.empty(), Optional.of(io.valora.auth.KeyHash.of("from-a-vault")));
        assertThat(token.matches("from-a-vault")).isTrue();
        assertThat(token.matches("other")).isFalse();
    }

    @Test
    void isDisabledWithoutConfiguration() {
        OperatorToken token = new OperatorToken(Optional.empty(), Optional.empty());
        assertThat(token.enabled()).isFalse();
        assertThat(token.matches("")).isFalse();
    }
}
