package io.valora.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteArrayBodyReaderTest {

    private static final byte[] BODY = "{\"specversion\":\"1.0\",\"id\":\"x\"}".repeat(500).getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheWholeBodyWhateverItsDeclaredLength() throws IOException {
        for (String length : new String[] {Integer.toString(BODY.length), null, "", "junk", "-1", " " + BODY.length + " ",
                Integer.toString(BODY.length - 10), Integer.toString(BODY.length + 10), "99999999999"}) {
            assertThat(ByteArrayBodyReader.read(trickling(BODY), length)).as("Content-Length %s", length).isEqualTo(BODY);
        }
        assertThat(ByteArrayBodyReader.read(trickling(new byte[0]), "0")).isEmpty();
    }

    /** A stream that hands out at most 7 bytes per read, as a network stream may. */
    private static InputStream trickling(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }
}
