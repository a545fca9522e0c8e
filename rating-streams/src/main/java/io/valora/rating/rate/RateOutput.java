package io.valora.rating.rate;

import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.model.CheckedEvent;
import io.valora.rating.model.RejectReason;
import io.valora.schemas.RatedCharge;

/**
 * What the rating step emits: a charge, an event it rejects ({@link RejectReason#AMOUNT_OVERFLOW}),
 * or the dead letter of a failure. Exactly one part is set. Lets one processor feed three sinks
 * (split by kind) while every output stays in the task's exactly-once transaction.
 *
 * @param charge a charge for {@code rated-charges}
 * @param rejected an event for {@code usage-events.rejected} (keyed like the event, {@code tenant/subject})
 * @param deadLetter a record for the dead-letter topic
 */
public record RateOutput(RatedCharge charge, CheckedEvent rejected, DeadLetter deadLetter) {

    static RateOutput charge(RatedCharge charge) {
        return new RateOutput(charge, null, null);
    }

    static RateOutput rejected(CheckedEvent rejected) {
        return new RateOutput(null, rejected, null);
    }

    static RateOutput failed(DeadLetter deadLetter) {
        return new RateOutput(null, null, deadLetter);
    }

    public boolean isCharge() {
        return charge != null;
    }

    public boolean isRejected() {
        return rejected != null;
    }
}
