package io.valora.rating.rate;

import io.valora.rating.model.RejectReason;

/**
 * A charge's amount would not fit the {@code long} minor units a {@code RatedCharge} carries. Thrown by
 * {@link MinorUnits} before anything is written, so rating rejects the one event that would overflow
 * ({@link RejectReason#AMOUNT_OVERFLOW}) and the charge keeps its last exact amount.
 */
final class AmountOverflowException extends RuntimeException {

    AmountOverflowException(String message) {
        super(message, null, false, false);
    }
}
