package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsWellFormedTextOfEveryLength() {
        String text = "plain ascii, é, €, 𝄞 and 😀 " + "\u0000\u007f\u0080\u07ff\u0800\uffff" + new String(Character.toChars(0x10FFFF));
        assertThat(Utf8.isValid(text.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isValid(new byte[0])).isTrue();
    }

    @Test
    void refusesWhatLenientDecodersLetThrough() {
        List<String> malformed = List.of(
                "ff", "80", "c3", "c080", "c1bf", // invalid byte, lone continuation, cut off, overlong two-byte
                "e080af", "eda080", "edbfbf", // overlong '/', UTF-16 surrogates
                "f08080af", "f4908080", "f5808080", "f888808080", // overlong, above U+10FFFF, five-byte
                "e282", "f09f98"); // cut-off three- and four-byte sequences
        for (String hex : malformed) {
            byte[] bytes = concat("ok ".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex));
            assertThat(Utf8.isValid(bytes)).as(hex).isFalse();
            assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).as(hex).isEqualTo(3);
        }
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(20261124L);
        byte[] alphabet = HexFormat.of().parseHex("00417f808f909fa0bfc0c1c2dfe0e1ecedeef0f1f3f4f5ff");
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            assertThat(Utf8.isValid(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkAccepts(bytes));
        }
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
