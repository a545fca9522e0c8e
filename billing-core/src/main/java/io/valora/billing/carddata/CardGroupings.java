package io.valora.billing.carddata;

import java.util.List;
import java.util.Set;

/**
 * How card numbers are written in groups: 4-4-4-4 for most 16-digit cards, 4-6-5 for American
 * Express, 4-6-4 for Diners Club, 6-13 for some 19-digit Maestro and UnionPay cards, and the
 * 13-, 17-, 18- and 19-digit variants of 4-4-4. Digits grouped any other way (a Unix time and a
 * counter, {@code 1796657500-12345}) are not written like a card, so they are not one.
 */
final class CardGroupings {

    private static final Set<List<Integer>> WRITTEN = Set.of(
            List.of(4, 4, 5),
            List.of(4, 6, 4),
            List.of(4, 6, 5),
            List.of(4, 4, 4, 3),
            List.of(4, 4, 4, 4),
            List.of(4, 4, 4, 5),
            List.of(4, 4, 4, 6),
            List.of(4, 4, 4, 4, 3),
            List.of(6, 13));

    private CardGroupings() {
    }

    /** Whether groups of these lengths, in this order, are a way card numbers are written. */
    static boolean isWritten(List<Integer> lengths) {
        return WRITTEN.contains(lengths);
    }
}
