package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode invoice(String lines) throws Exception {
        return JSON.readTree("""
                {"tenant":"rt01","customer":"c00001","periodStart":"2026-11-01T00:00:00Z","totalMinor":1234,"lines":[%s]}"""
                .formatted(lines));
    }

    private static final String USAGE = """
            {"kind":"USAGE","meter":"requests","quantity":"12.5","amountMinor":1234}""";
    private static final String PROBE_BASIC = """
            {"kind":"USAGE","meter":"probe","quantity":"0","amountMinor":0}""";

    @Test
    void invoicesThatDifferOnlyInHowManyProbeLinesTheyCarryHaveOneFingerprint() throws Exception {
        List<JsonNode> oneProbe = List.of(invoice(USAGE + "," + PROBE_BASIC));
        List<JsonNode> twoProbes = List.of(invoice(USAGE + "," + PROBE_BASIC + "," + PROBE_BASIC));

        assertThat(InvoiceTotals.fingerprint(twoProbes)).isEqualTo(InvoiceTotals.fingerprint(oneProbe));
        assertThat(InvoiceTotals.fingerprint(oneProbe).values()).singleElement().asString()
                .contains("requests:12.5:1234").doesNotContain("probe");
    }

    @Test
    void aDifferentUsageLineChangesTheFingerprint() throws Exception {
        List<JsonNode> billed = List.of(invoice(USAGE));
        List<JsonNode> other = List.of(invoice(USAGE.replace("12.5", "12.6")));

        assertThat(InvoiceTotals.fingerprint(other)).isNotEqualTo(InvoiceTotals.fingerprint(billed));
    }

    @Test
    void quantitiesSumUsageAndAdjustmentLinesPerMeterWithoutProbes() throws Exception {
        List<JsonNode> invoices = List.of(invoice(USAGE + "," + PROBE_BASIC + ","
                + USAGE.replace("USAGE", "ADJUSTMENT").replace("12.5", "0.50")));

        assertThat(InvoiceTotals.quantities(invoices)).containsOnlyKeys("rt01/c00001/requests")
                .containsEntry("rt01/c00001/requests", new java.math.BigDecimal("13"));
    }
}
