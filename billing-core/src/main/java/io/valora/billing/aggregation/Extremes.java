package io.valora.billing.aggregation;

import java.math.BigDecimal;

/** The total orders that make {@link Max} and {@link Min} independent of arrival order. */
final class Extremes {

    private Extremes() {
    }

    /**
     * Orders by numerical value, then by scale. {@code 2.0} and {@code 2.00} are numerically
     * equal; picking by scale as well makes the result (scale included) the same in any order.
     */
    static int compare(BigDecimal a, BigDecimal b) {
        int byValue = a.compareTo(b);
        return byValue != 0 ? byValue : Integer.compare(a.scale(), b.scale());
    }
}
