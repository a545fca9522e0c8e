package io.valora.billing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same check as the repository's grep hook: no binary fractional type is even named in
 * billing-core's main sources, comments included, so that nobody copies one onto the money path.
 */
class SourceWordsTest {

    private static final Pattern FORBIDDEN = Pattern.compile("\\b(double|float|Double|Float)\\b");

    @Test
    void mainSourcesNeverNameABinaryFractionalType() throws IOException {
        Path main = Path.of("src", "main");
        assertThat(main).isDirectory();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i)).find()) {
                        offences.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }

        assertThat(offences)
                .as("use BigDecimal (and avoid the words in comments too)")
                .isEmpty();
    }
}
