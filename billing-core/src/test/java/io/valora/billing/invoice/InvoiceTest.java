package io.valora.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static InvoiceLine line(String id, LineKind kind, String amount) {
        return new InvoiceLine(id, kind, id, BigDecimal.ONE, Money.of(amount, "USD"));
    }

    @Test
    void subtotalIsThisPeriodsChargesAndTotalAddsAdjustments() {
        Invoice invoice = new Invoice(USD, List.of(
                line("fee", LineKind.FLAT_FEE, "49.00"),
                line("usage", LineKind.USAGE, "12.34"),
                line("top-up", LineKind.MINIMUM_TOP_UP, "0.66"),
                line("late", LineKind.ADJUSTMENT, "-2.50")));

        assertThat(invoice.subtotal()).isEqualTo(Money.of("62.00", "USD"));
        assertThat(invoice.total()).isEqualTo(Money.of("59.50", "USD"));
    }

    @Test
    void emptyInvoiceTotalsZeroAtMinorUnits() {
        Invoice invoice = new Invoice(Currency.getInstance("BHD"), List.of());

        assertThat(invoice.total()).isEqualTo(Money.of("0.000", "BHD"));
    }

    @Test
    void refusesTheSameLineTwice() {
        assertThatThrownBy(() -> new Invoice(USD, List.of(line("x", LineKind.USAGE, "1"), line("x", LineKind.USAGE, "1"))))
                .hasMessageContaining("duplicate line id x");
    }

    @Test
    void refusesLinesInAnotherCurrency() {
        InvoiceLine euros = new InvoiceLine("e", LineKind.USAGE, "e", BigDecimal.ONE, Money.of("1", "EUR"));

        assertThatThrownBy(() -> new Invoice(USD, List.of(euros))).hasMessageContaining("one currency");
    }

    @Test
    void linesMustBeRoundedAndAreNormalisedToMinorUnitScale() {
        assertThatThrownBy(() -> line("x", LineKind.USAGE, "1.005")).hasMessageContaining("round it once");
        assertThat(line("x", LineKind.USAGE, "5.1").amount().amount()).isEqualTo(new BigDecimal("5.10"));
        assertThat(line("x", LineKind.USAGE, "5.1000").amount()).isEqualTo(line("y", LineKind.USAGE, "5.1").amount());
    }

    @Test
    void onlyAdjustmentsMayBeNegative() {
        assertThatThrownBy(() -> line("x", LineKind.USAGE, "-1")).hasMessageContaining("only an ADJUSTMENT");
        assertThat(line("x", LineKind.ADJUSTMENT, "-1").amount().signum()).isEqualTo(-1);
        assertThatThrownBy(() -> line(" ", LineKind.USAGE, "1")).hasMessageContaining("LineIds.of");
    }

    @Test
    void linesAreImmutable() {
        Invoice invoice = new Invoice(USD, List.of(line("a", LineKind.USAGE, "1")));

        assertThatThrownBy(() -> invoice.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
