package io.valora.gateway.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnixSecondsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            1732406400,        2024-11-24T00:00:00Z
            '1732406400.5',    2024-11-24T00:00:00.500Z
            ' 1732406400 ',    2024-11-24T00:00:00Z
            0,                 1970-01-01T00:00:00Z
            """)
    void convertsSecondsToRfc3339(String seconds, String expected) {
        assertThat(UnixSeconds.toRfc3339(seconds)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            soon
            1732406400000
            1e400
            ''
            """)
    void refusesWhatIsNotSeconds(String seconds) {
        assertThat(UnixSeconds.toRfc3339(seconds)).isEmpty();
    }
}
