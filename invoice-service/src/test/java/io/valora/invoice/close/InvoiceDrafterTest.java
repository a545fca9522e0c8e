package io.valora.invoice.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.invoice.LineKind;
import io.valora.invoice.charges.ChargeKey;
import io.valora.invoice.charges.ChargeRow;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.invoices.InvoiceDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceDrafterTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");

    private static StoredCharge charge(String customer, String meter, String quantity, long amountMinor,
                                       String currency, long revision) {
        ChargeRow row = new ChargeRow(new ChargeKey("demo", customer, meter, NOV), customer, DEC,
                new BigDecimal(quantity), new BigDecimal("0.01"), amountMinor, currency, 1, 1, false);
        return new StoredCharge(row, revision);
    }

    @Test
    void makesOneInvoicePerCustomerAndOneUsageLinePerMeter() {
        List<InvoiceDraft> drafts = InvoiceDrafter.draft(List.of(
                charge("b", "storage", "10", 250, "USD", 3),
                charge("a", "calls", "1234.5", 1235, "USD", 1),
                charge("b", "calls", "1", 1, "USD", 7)));

        assertThat(drafts).extracting(d -> d.key().customer()).containsExactly("a", "b");
        InvoiceDraft b = drafts.get(1);
        assertThat(b.lines()).extracting(l -> l.meter()).containsExactly("calls", "storage");
        assertThat(b.invoice().lines()).allMatch(l -> l.kind() == LineKind.USAGE);
        assertThat(b.invoice().total().toMinorUnits()).isEqualTo(251);
        assertThat(b.invoice().subtotal().amount()).isEqualByComparingTo("2.51");
        assertThat(b.chargesRevision()).isEqualTo(7);
        assertThat(b.periodEnd()).isEqualTo(DEC);
    }

    @Test
    void idsDependOnlyOnTheNaturalKey() {
        InvoiceDraft first = InvoiceDrafter.draft(List.of(charge("a", "calls", "1", 1, "USD", 1))).get(0);
        InvoiceDraft again = InvoiceDrafter.draft(List.of(charge("a", "calls", "9", 9, "USD", 2))).get(0);

        assertThat(again.key().id()).isEqualTo(first.key().id());
        assertThat(again.invoice().lines().get(0).id()).isEqualTo(first.invoice().lines().get(0).id());
        assertThat(again.invoice().lines().get(0).id()).isNotEqualTo(first.key().id());
    }

    @Test
    void keepsTheCurrencysMinorUnits() {
        InvoiceDraft yen = InvoiceDrafter.draft(List.of(charge("a", "calls", "3", 1500, "JPY", 1))).get(0);

        assertThat(yen.invoice().total().amount()).isEqualByComparingTo("1500");
        assertThat(yen.invoice().total().amount().scale()).isZero();
    }

    @Test
    void refusesChargesInTwoCurrenciesForOneCustomer() {
        assertThatThrownBy(() -> InvoiceDrafter.draft(List.of(
                charge("a", "calls", "1", 1, "USD", 1),
                charge("a", "storage", "1", 1, "EUR", 2))))
                .isInstanceOf(MixedCurrenciesException.class)
                .hasMessageContaining("USD on meter calls")
                .hasMessageContaining("EUR on meter storage");
    }
}
